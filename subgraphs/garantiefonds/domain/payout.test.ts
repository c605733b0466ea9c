import { describe, expect, it } from 'vitest';
import { FondsErrorCode } from './errors.js';
import { balance } from './ledger.js';
import { payAanvraag } from './payout.js';
import { claim, ledgerOf } from './test-fixtures.js';

const AT = '2024-12-01T08:00:00Z';

describe('payout', () => {
  it('books the payout and marks the claim UITBETAALD when an approved claim is paid', () => {
    const result = payAanvraag(ledgerOf(['venlo', 500_000]), claim(), AT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.alreadyPaid).toBe(false);
    expect(result.value.appended).toHaveLength(1);
    expect(result.value.aanvraag).toMatchObject({ status: 'UITBETAALD', uitbetaaldOp: AT });
    expect(balance(result.value.entries)).toBe(350_000);
  });

  it.each([
    { when: 'the caller retries with the paid claim', stale: false },
    { when: 'the caller retries with a stale GOEDGEKEURD copy', stale: true },
  ])('pays nothing again and returns UITBETAALD when $when', ({ stale }) => {
    const first = payAanvraag(ledgerOf(['venlo', 500_000]), claim(), AT);
    if (!first.ok) throw new Error(first.message);
    const retryClaim = stale ? claim() : first.value.aanvraag;
    const again = payAanvraag(first.value.entries, retryClaim, '2024-12-02T08:00:00Z');
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.value.alreadyPaid).toBe(true);
    expect(again.value.entries).toBe(first.value.entries);
    expect(again.value.appended).toEqual([]);
    expect(again.value.aanvraag).toMatchObject({ status: 'UITBETAALD', uitbetaaldOp: AT });
  });

  it.each([
    { when: 'the claim is not approved', c: claim({ status: 'INGEDIEND' }), codes: [FondsErrorCode.AANVRAAG_NIET_GOEDGEKEURD] },
    { when: 'the fund is short', c: claim({ bedragCents: 500_001 }), codes: [FondsErrorCode.SALDO_ONTOEREIKEND] },
  ])('refuses $codes when $when', ({ c, codes }) => {
    const result = payAanvraag(ledgerOf(['venlo', 500_000]), c, AT);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.codes).toEqual(codes);
  });
});
