import { describe, expect, it } from 'vitest';
import { FondsErrorCode } from './errors.js';
import {
  applyBijdragen,
  applyPayout,
  balance,
  entryId,
  findPayout,
  isOpgeheven,
  verifyLedger,
  type LedgerEntry,
} from './ledger.js';
import { bijdrage, claim, ledgerOf } from './test-fixtures.js';

const AT = '2025-01-10T12:00:00Z';

const restitutie: LedgerEntry = {
  id: 'RESTITUTIE_BIJ_OPHEFFING:9',
  kind: 'RESTITUTIE_BIJ_OPHEFFING',
  cents: -1,
  party: { kind: 'GEMEENTE', slug: 'venlo' },
  at: AT,
};

describe('ledger', () => {
  it.each([
    { entries: [], saldo: 0 },
    { entries: ledgerOf(['venlo', 100], ['weert', 250]), saldo: 350 },
  ])('balance is $saldo when the ledger has $entries.length entries', ({ entries, saldo }) => {
    expect(balance(entries)).toBe(saldo);
  });

  it('is the sum of signed entries when payouts were booked', () => {
    const paid = applyPayout(ledgerOf(['venlo', 200_000]), claim({ bedragCents: 150_000 }), AT);
    expect(paid.ok && balance(paid.value.entries)).toBe(50_000);
  });

  it('makes position-based ids when asked for an entry id', () => {
    expect(entryId('UITBETALING', 7)).toBe('UITBETALING:7');
  });

  describe('applyBijdragen', () => {
    it('appends one BIJDRAGE entry per positive contribution when contributions are booked', () => {
      const start = Object.freeze(ledgerOf(['venlo', 100]));
      const result = applyBijdragen(start, [bijdrage('weert', 300), bijdrage('x', 0), bijdrage('moveoo', 5, 'ZORGAANBIEDER')], AT);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value.appended).toEqual([
        { id: 'BIJDRAGE:2', kind: 'BIJDRAGE', cents: 300, party: { kind: 'GEMEENTE', slug: 'weert' }, at: AT },
        { id: 'BIJDRAGE:3', kind: 'BIJDRAGE', cents: 5, party: { kind: 'ZORGAANBIEDER', slug: 'moveoo' }, at: AT },
      ]);
      expect(result.value.entries).toEqual([...start, ...result.value.appended]);
      expect(start).toHaveLength(1);
      expect(verifyLedger(result.value.entries).ok).toBe(true);
    });

    it.each([
      { when: 'an amount is negative', entries: [], bijdragen: [bijdrage('venlo', -1)], codes: [FondsErrorCode.BEDRAG_ONGELDIG] },
      { when: 'an amount is fractional', entries: [], bijdragen: [bijdrage('venlo', 0.5)], codes: [FondsErrorCode.BEDRAG_ONGELDIG] },
      { when: 'a party is malformed', entries: [], bijdragen: [bijdrage('', 5)], codes: [FondsErrorCode.DEELNEMER_ONGELDIG] },
      { when: 'the fund was wound up', entries: [restitutie], bijdragen: [bijdrage('venlo', 5)], codes: [FondsErrorCode.FONDS_OPGEHEVEN] },
      {
        when: 'everything is wrong',
        entries: [restitutie],
        bijdragen: [bijdrage('', -5)],
        codes: [FondsErrorCode.FONDS_OPGEHEVEN, FondsErrorCode.BEDRAG_ONGELDIG, FondsErrorCode.DEELNEMER_ONGELDIG],
      },
    ])('refuses $codes when $when', ({ entries, bijdragen, codes }) => {
      const result = applyBijdragen(entries, bijdragen, AT);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.codes).toEqual(codes);
    });
  });

  describe('applyPayout', () => {
    it('books a negative UITBETALING for the corporation when an approved claim fits the balance', () => {
      const start = Object.freeze(ledgerOf(['venlo', 200_000]));
      const result = applyPayout(start, claim({ id: 'A-7', bedragCents: 150_000 }), AT);
      expect(result).toEqual({
        ok: true,
        value: {
          alreadyPaid: false,
          appended: [
            {
              id: 'UITBETALING:2',
              kind: 'UITBETALING',
              cents: -150_000,
              party: { kind: 'CORPORATIE', slug: 'woonwenz' },
              claimId: 'A-7',
              at: AT,
            },
          ],
          entries: [...start, expect.objectContaining({ claimId: 'A-7' })],
        },
      });
    });

    it('brings the balance to exactly 0 when the claim equals the balance', () => {
      const result = applyPayout(ledgerOf(['venlo', 150_000]), claim({ bedragCents: 150_000 }), AT);
      expect(result.ok && balance(result.value.entries)).toBe(0);
    });

    it('returns the SAME ledger with alreadyPaid when the claim was already paid', () => {
      const first = applyPayout(ledgerOf(['venlo', 500_000]), claim(), AT);
      if (!first.ok) throw new Error(first.message);
      const again = applyPayout(first.value.entries, claim(), '2025-02-01T00:00:00Z');
      expect(again.ok).toBe(true);
      if (!again.ok) return;
      expect(again.value.entries).toBe(first.value.entries);
      expect(again.value.appended).toEqual([]);
      expect(again.value.alreadyPaid).toBe(true);
    });

    it('returns alreadyPaid, not a refusal, when a paid claim is retried after the fund is short or closed', () => {
      const first = applyPayout(ledgerOf(['venlo', 150_000]), claim(), AT);
      if (!first.ok) throw new Error(first.message);
      expect(balance(first.value.entries)).toBe(0);
      const closed = [...first.value.entries, restitutie];
      const again = applyPayout(closed, claim({ status: 'UITBETAALD' }), AT);
      expect(again.ok && again.value.alreadyPaid).toBe(true);
    });

    it.each([
      { when: 'the claim is INGEDIEND', c: claim({ status: 'INGEDIEND' }), entries: ledgerOf(['venlo', 1e6]), codes: [FondsErrorCode.AANVRAAG_NIET_GOEDGEKEURD] },
      { when: 'the claim is AFGEWEZEN', c: claim({ status: 'AFGEWEZEN' }), entries: ledgerOf(['venlo', 1e6]), codes: [FondsErrorCode.AANVRAAG_NIET_GOEDGEKEURD] },
      { when: 'the claim says UITBETAALD but the ledger has no payout', c: claim({ status: 'UITBETAALD' }), entries: ledgerOf(['venlo', 1e6]), codes: [FondsErrorCode.UITBETALING_NIET_GEBOEKT] },
      { when: 'the amount exceeds the balance by one cent', c: claim({ bedragCents: 150_001 }), entries: ledgerOf(['venlo', 150_000]), codes: [FondsErrorCode.SALDO_ONTOEREIKEND] },
      { when: 'the ledger is empty', c: claim(), entries: [], codes: [FondsErrorCode.SALDO_ONTOEREIKEND] },
      { when: 'the amount is 0', c: claim({ bedragCents: 0 }), entries: ledgerOf(['venlo', 1e6]), codes: [FondsErrorCode.BEDRAG_ONGELDIG] },
      { when: 'the amount is fractional', c: claim({ bedragCents: 10.5 }), entries: ledgerOf(['venlo', 1e6]), codes: [FondsErrorCode.BEDRAG_ONGELDIG] },
      { when: 'the fund was wound up', c: claim(), entries: [...ledgerOf(['venlo', 1e6]), restitutie], codes: [FondsErrorCode.FONDS_OPGEHEVEN] },
      {
        when: 'the claim is not approved and too large',
        c: claim({ status: 'INGEDIEND', bedragCents: 2e6 }),
        entries: ledgerOf(['venlo', 1e6]),
        codes: [FondsErrorCode.AANVRAAG_NIET_GOEDGEKEURD, FondsErrorCode.SALDO_ONTOEREIKEND],
      },
    ])('refuses $codes when $when', ({ c, entries, codes }) => {
      const frozen = Object.freeze([...entries]);
      const result = applyPayout(frozen, c, AT);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.codes).toEqual(codes);
        expect(result.message).toContain('saldo €');
      }
      expect(frozen).toHaveLength(entries.length);
    });
  });

  it('finds the payout of a claim and reports a wound-up fund when asked', () => {
    const paid = applyPayout(ledgerOf(['venlo', 200_000]), claim({ id: 'A-9' }), AT);
    if (!paid.ok) throw new Error(paid.message);
    expect(findPayout(paid.value.entries, 'A-9')?.cents).toBe(-150_000);
    expect(findPayout(paid.value.entries, 'A-10')).toBeUndefined();
    expect(isOpgeheven(paid.value.entries)).toBe(false);
    expect(isOpgeheven([restitutie])).toBe(true);
  });

  describe('verifyLedger', () => {
    const base = ledgerOf(['venlo', 1_000]);
    const payout = (id: string, cents: number, claimId?: string): LedgerEntry => ({
      id,
      kind: 'UITBETALING',
      cents,
      party: { kind: 'CORPORATIE', slug: 'woonwenz' },
      ...(claimId === undefined ? {} : { claimId }),
      at: AT,
    });
    const refund = (id: string, cents: number): LedgerEntry => ({ ...restitutie, id, cents });

    it('returns the balance when the ledger is consistent', () => {
      expect(verifyLedger([...base, payout('p', -400, 'A-1'), refund('r', -600)])).toEqual({ ok: true, value: { saldo: 0 } });
      expect(verifyLedger([])).toEqual({ ok: true, value: { saldo: 0 } });
    });

    it.each([
      { when: 'an id is used twice', entries: [...base, { ...base[0]!, cents: 5 }], problem: 'id dubbel' },
      { when: 'a kind is unknown', entries: [...base, { ...base[0]!, id: 'x', kind: 'STORTING' as never }], problem: 'onbekende soort' },
      { when: 'an amount is fractional', entries: [{ ...base[0]!, cents: 10.5 }], problem: 'bedrag ongeldig' },
      { when: 'an amount is 0', entries: [{ ...base[0]!, cents: 0 }], problem: 'bedrag ongeldig' },
      { when: 'a contribution is negative', entries: [...base, { ...base[0]!, id: 'n', cents: -5 }], problem: 'bijdrage negatief' },
      { when: 'a payout is positive', entries: [...base, payout('p', 5, 'A-1')], problem: 'uitgaand bedrag positief' },
      { when: 'a contribution has no party', entries: [{ id: 'b', kind: 'BIJDRAGE' as const, cents: 5, at: AT }], problem: 'partij ontbreekt' },
      { when: 'a payout has no claim', entries: [...base, payout('p', -5)], problem: 'aanvraag ontbreekt' },
      { when: 'a claim is paid twice', entries: [...base, payout('p', -5, 'A-1'), payout('q', -5, 'A-1')], problem: 'dubbel uitbetaald' },
      { when: 'the running balance dips below 0', entries: [payout('p', -5, 'A-1'), ...base], problem: 'saldo negatief' },
      { when: 'something is booked after winding up', entries: [...base, refund('r', -1_000), { ...base[0]!, id: 'late' }], problem: 'mutatie na opheffing' },
      { when: 'winding up did not reach 0', entries: [...base, refund('r', -999)], problem: 'niet 0' },
    ])('refuses GROOTBOEK_ONGELDIG when $when', ({ entries, problem }) => {
      const result = verifyLedger(entries);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.codes).toEqual([FondsErrorCode.GROOTBOEK_ONGELDIG]);
        expect(result.message).toContain(problem);
      }
    });
  });
});
