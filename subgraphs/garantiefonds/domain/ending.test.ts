import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contributionRound } from './contributions.js';
import { endFund, originalContributions, refundOnLeaving } from './ending.js';
import { FondsErrorCode } from './errors.js';
import { applyBijdragen, applyPayout, balance, verifyLedger, type LedgerEntry } from './ledger.js';
import { ALLE_DEELNEMERS, partyKey, type Deelnemer } from './parties.js';
import { bijdrage, claim, ledgerOf } from './test-fixtures.js';

const AT = '2028-04-15T00:00:00Z';
const gemeente = (slug: string): Deelnemer => ({ kind: 'GEMEENTE', slug });

describe('ending', () => {
  it.each(ALLE_DEELNEMERS.filter((_, i) => i % 10 === 0).map((party) => ({ party })))(
    'refunds 0 when $party.kind $party.slug leaves (art. 10.3)',
    ({ party }) => {
      expect(refundOnLeaving(party)).toBe(0);
    },
  );

  it('takes each party\'s FIRST contribution as original when there were several rounds', () => {
    const entries = ledgerOf(['venlo', 300], ['weert', 100], ['venlo', 999], ['weert', 1]);
    expect(originalContributions(entries)).toEqual(
      new Map([
        ['GEMEENTE:venlo', 300],
        ['GEMEENTE:weert', 100],
      ]),
    );
  });

  it('splits the remainder 3:1 by original contribution and ends at 0 when two parties end the fund', () => {
    const start = ledgerOf(['venlo', 300], ['weert', 100], ['venlo', 300], ['weert', 100]); // saldo 800
    const paid = applyPayout(start, claim({ bedragCents: 401 }), AT);
    if (!paid.ok) throw new Error(paid.message);
    const result = endFund(paid.value.entries, [gemeente('weert'), gemeente('venlo')], AT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // 399 × 3/4 = 299.25 → 299, 399 × 1/4 = 99.75 → 100 (largest remainder)
    expect(result.value.appended).toEqual([
      { id: 'RESTITUTIE_BIJ_OPHEFFING:6', kind: 'RESTITUTIE_BIJ_OPHEFFING', cents: -100, party: gemeente('weert'), at: AT },
      { id: 'RESTITUTIE_BIJ_OPHEFFING:7', kind: 'RESTITUTIE_BIJ_OPHEFFING', cents: -299, party: gemeente('venlo'), at: AT },
    ]);
    expect(balance(result.value.entries)).toBe(0);
    expect(verifyLedger(result.value.entries).ok).toBe(true);
  });

  it('gives nothing to a party that left earlier when the others end the fund', () => {
    const entries = ledgerOf(['venlo', 500], ['weert', 500]);
    const result = endFund(entries, [gemeente('venlo')], AT);
    expect(result.ok && result.value.appended).toEqual([
      { id: 'RESTITUTIE_BIJ_OPHEFFING:3', kind: 'RESTITUTIE_BIJ_OPHEFFING', cents: -1_000, party: gemeente('venlo'), at: AT },
    ]);
  });

  it('gives nothing to a party with no contribution when it is listed at the end', () => {
    const result = endFund(ledgerOf(['venlo', 500]), [gemeente('venlo'), gemeente('gennep')], AT);
    expect(result.ok && result.value.appended.map((e) => e.party?.slug)).toEqual(['venlo']);
  });

  it('uses the joining contribution as original when a party joined later', () => {
    const first = contributionRound([gemeente('venlo'), gemeente('weert')], {
      gemeentenTotaalCents: 1_000,
      corporatiesTotaalCents: 0,
      perZorgaanbiederCents: 0,
      gemeenteVerdeelsleutel: { venlo: 1, weert: 1 },
      corporatieVerdeelsleutel: {},
    });
    if (!first.ok) throw new Error(first.message);
    const booked = applyBijdragen([], first.value, AT);
    if (!booked.ok) throw new Error(booked.message);
    const joined = applyBijdragen(booked.value.entries, [bijdrage('gennep', 500)], AT);
    if (!joined.ok) throw new Error(joined.message);
    const result = endFund(joined.value.entries, [gemeente('venlo'), gemeente('weert'), gemeente('gennep')], AT);
    expect(result.ok && result.value.appended.map((e) => [e.party?.slug, e.cents])).toEqual([
      ['venlo', -500],
      ['weert', -500],
      ['gennep', -500],
    ]);
  });

  it('books nothing when the balance is already 0', () => {
    const start = ledgerOf(['venlo', 150_000]);
    const paid = applyPayout(start, claim(), AT);
    if (!paid.ok) throw new Error(paid.message);
    const result = endFund(paid.value.entries, [gemeente('venlo')], AT);
    expect(result).toEqual({ ok: true, value: { entries: paid.value.entries, appended: [] } });
  });

  it('refuses any later booking when the fund was wound up', () => {
    const ended = endFund(ledgerOf(['venlo', 500]), [gemeente('venlo')], AT);
    if (!ended.ok) throw new Error(ended.message);
    const more = applyBijdragen(ended.value.entries, [bijdrage('venlo', 5)], AT);
    const pay = applyPayout(ended.value.entries, claim({ bedragCents: 1 }), AT);
    expect(!more.ok && more.codes).toEqual([FondsErrorCode.FONDS_OPGEHEVEN]);
    expect(!pay.ok && pay.codes).toContain(FondsErrorCode.FONDS_OPGEHEVEN);
  });

  const wound: readonly LedgerEntry[] = [
    ...ledgerOf(['venlo', 500]),
    { id: 'r', kind: 'RESTITUTIE_BIJ_OPHEFFING', cents: -500, party: gemeente('venlo'), at: AT },
  ];
  it.each([
    { when: 'the fund was already wound up', entries: wound, parties: [gemeente('venlo')], codes: [FondsErrorCode.FONDS_OPGEHEVEN] },
    { when: 'a party is listed twice', entries: ledgerOf(['venlo', 5]), parties: [gemeente('venlo'), gemeente('venlo')], codes: [FondsErrorCode.DUBBELE_DEELNEMER] },
    { when: 'a party is malformed', entries: ledgerOf(['venlo', 5]), parties: [gemeente('')], codes: [FondsErrorCode.DEELNEMER_ONGELDIG] },
    { when: 'money remains but no listed party contributed', entries: ledgerOf(['venlo', 5]), parties: [gemeente('weert')], codes: [FondsErrorCode.TOTAAL_GEWICHT_NIET_POSITIEF] },
    { when: 'money remains and nobody is listed', entries: ledgerOf(['venlo', 5]), parties: [], codes: [FondsErrorCode.TOTAAL_GEWICHT_NIET_POSITIEF] },
  ])('refuses $codes when $when', ({ entries, parties, codes }) => {
    const result = endFund(entries, parties, AT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.codes).toEqual(codes);
  });

  it('always leaves exactly 0 and pays out exactly the remainder, pro rata within a cent (property)', () => {
    const party = fc.constantFrom(...ALLE_DEELNEMERS.slice(0, 12));
    const step = fc.oneof(
      fc.record({ t: fc.constant('in' as const), party, cents: fc.integer({ min: 1, max: 10_000_000 }) }),
      fc.record({ t: fc.constant('out' as const), cents: fc.integer({ min: 1, max: 10_000_000 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), fc.subarray(ALLE_DEELNEMERS.slice(0, 14)), (steps, enders) => {
        let entries: readonly LedgerEntry[] = [];
        steps.forEach((s, i) => {
          if (s.t === 'in') {
            const r = applyBijdragen(entries, [{ ...s.party, cents: s.cents }], AT);
            if (r.ok) entries = r.value.entries;
          } else {
            const r = applyPayout(entries, claim({ id: `P-${i}`, bedragCents: s.cents }), AT);
            if (r.ok) entries = r.value.entries;
          }
        });
        const before = balance(entries);
        const original = originalContributions(entries);
        const weights = enders.map((p) => original.get(partyKey(p)) ?? 0);
        const totalWeight = weights.reduce((a, b) => a + b, 0);
        const result = endFund(entries, enders, AT);
        if (before > 0 && totalWeight === 0) {
          expect(!result.ok && result.codes).toEqual([FondsErrorCode.TOTAAL_GEWICHT_NIET_POSITIEF]);
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(balance(result.value.entries)).toBe(0);
        expect(0 - balance(result.value.appended)).toBe(before);
        expect(result.value.appended.every((e) => e.kind === 'RESTITUTIE_BIJ_OPHEFFING' && e.cents < 0)).toBe(true);
        expect(verifyLedger(result.value.entries).ok).toBe(true);
        enders.forEach((p, i) => {
          const got = 0 - balance(result.value.appended.filter((e) => e.party && partyKey(e.party) === partyKey(p)));
          const exact = totalWeight === 0 ? 0 : (before * (weights[i] ?? 0)) / totalWeight;
          expect(Math.abs(got - exact)).toBeLessThan(1 + 1e-9 * before);
        });
        const enderKeys = new Set(enders.map(partyKey));
        expect(result.value.appended.every((e) => e.party !== undefined && enderKeys.has(partyKey(e.party)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
