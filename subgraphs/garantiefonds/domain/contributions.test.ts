import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CORPORATIES, GEMEENTEN, ZORGAANBIEDERS } from '../../../schema/vocabulary.js';
import {
  AANVULGRENS_CENTS,
  STANDAARD_BIJDRAGE_CONFIG,
  SYNTHETISCHE_CORPORATIE_VERDEELSLEUTEL,
  SYNTHETISCHE_GEMEENTE_VERDEELSLEUTEL,
  contributionRound,
  needsReplenishment,
  type Bijdrage,
  type BijdrageConfig,
} from './contributions.js';
import { FondsErrorCode } from './errors.js';
import { ALLE_DEELNEMERS, partyKey, type Deelnemer } from './parties.js';

function sumOf(bijdragen: readonly Bijdrage[], kind: Bijdrage['kind']): number {
  return bijdragen.filter((b) => b.kind === kind).reduce((a, b) => a + b.cents, 0);
}

function round(parties: readonly Deelnemer[], config?: BijdrageConfig): readonly Bijdrage[] {
  const result = contributionRound(parties, config);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('contributions', () => {
  it('covers exactly the vocabulary slugs when the synthetic default keys are used', () => {
    expect(Object.keys(SYNTHETISCHE_GEMEENTE_VERDEELSLEUTEL).sort()).toEqual(Object.keys(GEMEENTEN).sort());
    expect(Object.keys(SYNTHETISCHE_CORPORATIE_VERDEELSLEUTEL).sort()).toEqual([...CORPORATIES].sort());
    expect(ALLE_DEELNEMERS).toHaveLength(Object.keys(GEMEENTEN).length + CORPORATIES.length + ZORGAANBIEDERS.length);
  });

  it('collects € 50.000 + € 50.000 + € 1.000 per provider when all parties of the agreement take part', () => {
    const bijdragen = round(ALLE_DEELNEMERS);
    expect(bijdragen).toHaveLength(ALLE_DEELNEMERS.length);
    expect(sumOf(bijdragen, 'GEMEENTE')).toBe(5_000_000);
    expect(sumOf(bijdragen, 'CORPORATIE')).toBe(5_000_000);
    expect(bijdragen.filter((b) => b.kind === 'ZORGAANBIEDER').every((b) => b.cents === 100_000)).toBe(true);
    expect(sumOf(bijdragen, 'ZORGAANBIEDER')).toBe(ZORGAANBIEDERS.length * 100_000);
    expect(bijdragen.map(partyKey)).toEqual(ALLE_DEELNEMERS.map(partyKey));
  });

  it('follows the key within one cent when the synthetic key is used', () => {
    const bijdragen = round(ALLE_DEELNEMERS);
    const gemeenteTotal = Object.values(SYNTHETISCHE_GEMEENTE_VERDEELSLEUTEL).reduce((a: number, b) => a + b, 0);
    for (const b of bijdragen.filter((x) => x.kind === 'GEMEENTE')) {
      const weight = (SYNTHETISCHE_GEMEENTE_VERDEELSLEUTEL as Record<string, number>)[b.slug] ?? 0;
      expect(Math.abs(b.cents - (5_000_000 * weight) / gemeenteTotal)).toBeLessThan(1);
    }
    const venlo = bijdragen.find((b) => b.slug === 'venlo');
    expect(venlo?.cents).toBe(Math.max(...bijdragen.filter((b) => b.kind === 'GEMEENTE').map((b) => b.cents)));
  });

  it('renormalises the key and still totals € 50.000 when a gemeente joins', () => {
    const before = round(ALLE_DEELNEMERS);
    const config: BijdrageConfig = {
      ...STANDAARD_BIJDRAGE_CONFIG,
      gemeenteVerdeelsleutel: { ...STANDAARD_BIJDRAGE_CONFIG.gemeenteVerdeelsleutel, gennep: 17_000 },
    };
    const after = round([...ALLE_DEELNEMERS, { kind: 'GEMEENTE', slug: 'gennep' }], config);
    expect(sumOf(after, 'GEMEENTE')).toBe(5_000_000);
    expect(after.find((b) => b.slug === 'gennep')?.cents).toBeGreaterThan(0);
    const venloBefore = before.find((b) => b.slug === 'venlo')?.cents ?? 0;
    const venloAfter = after.find((b) => b.slug === 'venlo')?.cents ?? 0;
    expect(venloAfter).toBeLessThan(venloBefore);
  });

  it('renormalises over the remaining corporations and still totals € 50.000 when one has left', () => {
    const parties = ALLE_DEELNEMERS.filter((p) => p.slug !== 'wonen-limburg');
    const bijdragen = round(parties);
    expect(sumOf(bijdragen, 'CORPORATIE')).toBe(5_000_000);
    expect(bijdragen.some((b) => b.slug === 'wonen-limburg')).toBe(false);
  });

  it('charges only the care providers when no gemeente or corporation takes part', () => {
    const bijdragen = round([{ kind: 'ZORGAANBIEDER', slug: 'moveoo' }]);
    expect(bijdragen).toEqual([{ kind: 'ZORGAANBIEDER', slug: 'moveoo', cents: 100_000 }]);
  });

  it('returns no contributions when no party takes part', () => {
    expect(contributionRound([])).toEqual({ ok: true, value: [] });
  });

  it('uses the configured amounts when the config changes them', () => {
    const config: BijdrageConfig = {
      gemeentenTotaalCents: 1_001,
      corporatiesTotaalCents: 10,
      perZorgaanbiederCents: 7,
      gemeenteVerdeelsleutel: { a: 1, b: 1 },
      corporatieVerdeelsleutel: { c: 3 },
    };
    const bijdragen = round(
      [
        { kind: 'GEMEENTE', slug: 'b' },
        { kind: 'GEMEENTE', slug: 'a' },
        { kind: 'CORPORATIE', slug: 'c' },
        { kind: 'ZORGAANBIEDER', slug: 'z' },
      ],
      config,
    );
    expect(bijdragen).toEqual([
      { kind: 'GEMEENTE', slug: 'b', cents: 500 },
      { kind: 'GEMEENTE', slug: 'a', cents: 501 },
      { kind: 'CORPORATIE', slug: 'c', cents: 10 },
      { kind: 'ZORGAANBIEDER', slug: 'z', cents: 7 },
    ]);
  });

  const gemeente = (slug: string): Deelnemer => ({ kind: 'GEMEENTE', slug });
  const corporatie = (slug: string): Deelnemer => ({ kind: 'CORPORATIE', slug });
  it.each([
    { when: 'a gemeente is missing from the key', parties: [gemeente('gennep')], config: {}, codes: [FondsErrorCode.VERDEELSLEUTEL_ONVOLLEDIG] },
    { when: 'a corporation is missing from the key', parties: [corporatie('nieuw')], config: {}, codes: [FondsErrorCode.VERDEELSLEUTEL_ONVOLLEDIG] },
    { when: 'a key name is inherited, not own', parties: [gemeente('constructor')], config: {}, codes: [FondsErrorCode.VERDEELSLEUTEL_ONVOLLEDIG] },
    { when: 'a participant has weight 0', parties: [gemeente('venlo')], config: { gemeenteVerdeelsleutel: { venlo: 0 } }, codes: [FondsErrorCode.GEWICHT_ONGELDIG] },
    { when: 'a participant has a negative weight', parties: [corporatie('antares')], config: { corporatieVerdeelsleutel: { antares: -5 } }, codes: [FondsErrorCode.GEWICHT_ONGELDIG] },
    { when: 'a participant has weight NaN', parties: [gemeente('venlo')], config: { gemeenteVerdeelsleutel: { venlo: Number.NaN } }, codes: [FondsErrorCode.GEWICHT_ONGELDIG] },
    { when: 'a party appears twice', parties: [gemeente('venlo'), gemeente('venlo')], config: {}, codes: [FondsErrorCode.DUBBELE_DEELNEMER] },
    { when: 'a slug is empty', parties: [gemeente('')], config: {}, codes: [FondsErrorCode.DEELNEMER_ONGELDIG] },
    { when: 'a slug has surrounding spaces', parties: [gemeente(' venlo')], config: {}, codes: [FondsErrorCode.DEELNEMER_ONGELDIG] },
    { when: 'a slug contains a colon', parties: [gemeente('a:b')], config: {}, codes: [FondsErrorCode.DEELNEMER_ONGELDIG] },
    { when: 'the kind is unknown', parties: [{ kind: 'WERKGROEP', slug: 'x' } as unknown as Deelnemer], config: {}, codes: [FondsErrorCode.DEELNEMER_ONGELDIG] },
    { when: 'a total is not integer cents', parties: [gemeente('venlo')], config: { gemeentenTotaalCents: 1.5 }, codes: [FondsErrorCode.BEDRAG_ONGELDIG] },
    { when: 'the per-provider amount is negative', parties: [gemeente('venlo')], config: { perZorgaanbiederCents: -1 }, codes: [FondsErrorCode.BEDRAG_ONGELDIG] },
    {
      when: 'both keys are wrong',
      parties: [gemeente('gennep'), corporatie('antares')],
      config: { corporatieVerdeelsleutel: { antares: 0 } },
      codes: [FondsErrorCode.VERDEELSLEUTEL_ONVOLLEDIG, FondsErrorCode.GEWICHT_ONGELDIG],
    },
    {
      when: 'a party is duplicated and another malformed',
      parties: [gemeente('venlo'), gemeente('venlo'), gemeente('')],
      config: {},
      codes: [FondsErrorCode.DUBBELE_DEELNEMER, FondsErrorCode.DEELNEMER_ONGELDIG],
    },
  ])('refuses $codes when $when', ({ parties, config, codes }) => {
    const result = contributionRound(parties, { ...STANDAARD_BIJDRAGE_CONFIG, ...config });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.codes).toEqual(codes);
  });

  it('always totals exactly € 50.000 per kind for any non-empty subset of parties (property)', () => {
    fc.assert(
      fc.property(fc.subarray([...ALLE_DEELNEMERS]), (parties) => {
        const bijdragen = round(parties);
        const has = (kind: Bijdrage['kind']): boolean => parties.some((p) => p.kind === kind);
        expect(sumOf(bijdragen, 'GEMEENTE')).toBe(has('GEMEENTE') ? 5_000_000 : 0);
        expect(sumOf(bijdragen, 'CORPORATIE')).toBe(has('CORPORATIE') ? 5_000_000 : 0);
        expect(sumOf(bijdragen, 'ZORGAANBIEDER')).toBe(parties.filter((p) => p.kind === 'ZORGAANBIEDER').length * 100_000);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    { balance: 0, needed: true },
    { balance: 2_499_999, needed: true },
    { balance: AANVULGRENS_CENTS, needed: false },
    { balance: 2_500_001, needed: false },
    { balance: 11_800_000, needed: false },
  ])('needsReplenishment is $needed when the balance is $balance cents', ({ balance, needed }) => {
    expect(needsReplenishment(balance)).toBe(needed);
  });
});
