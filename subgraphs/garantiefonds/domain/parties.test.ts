import { describe, expect, it } from 'vitest';
import { ALLE_DEELNEMERS, isDeelnemer, partyKey, type Deelnemer } from './parties.js';

describe('parties', () => {
  it.each([
    { party: { kind: 'GEMEENTE', slug: 'venlo' }, key: 'GEMEENTE:venlo' },
    { party: { kind: 'CORPORATIE', slug: 'wonen-limburg' }, key: 'CORPORATIE:wonen-limburg' },
    { party: { kind: 'ZORGAANBIEDER', slug: 'met-ggz' }, key: 'ZORGAANBIEDER:met-ggz' },
  ] as const)('keys the party as $key when it is $party.kind $party.slug', ({ party, key }) => {
    expect(partyKey(party)).toBe(key);
  });

  it.each([
    { party: { kind: 'GEMEENTE', slug: 'venlo' }, valid: true },
    { party: { kind: 'GEMEENTE', slug: '' }, valid: false },
    { party: { kind: 'GEMEENTE', slug: 'ven lo ' }, valid: false },
    { party: { kind: 'GEMEENTE', slug: 'a:b' }, valid: false },
    { party: { kind: 'INWONER', slug: 'x' }, valid: false },
  ])('isDeelnemer is $valid when the party is $party', ({ party, valid }) => {
    expect(isDeelnemer(party as Deelnemer)).toBe(valid);
  });

  it('lists 13 gemeenten, 8 corporations and every care provider, each once, when all parties are asked for', () => {
    expect(ALLE_DEELNEMERS.filter((p) => p.kind === 'GEMEENTE')).toHaveLength(13);
    expect(ALLE_DEELNEMERS.filter((p) => p.kind === 'CORPORATIE')).toHaveLength(8);
    expect(new Set(ALLE_DEELNEMERS.map(partyKey)).size).toBe(ALLE_DEELNEMERS.length);
    expect(ALLE_DEELNEMERS.every(isDeelnemer)).toBe(true);
  });
});
