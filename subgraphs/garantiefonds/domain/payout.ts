/**
 * The cashier's one operation: pay an approved claim and mark it paid, together. Keeping the ledger
 * entry and the status change in one pure step lets the database layer write both in one
 * transaction, and a retry after a crash between the two repairs the status instead of paying again.
 */
import type { Aanvraag } from './aanvraag.js';
import { markPaid } from './decision.js';
import { ok, type Result } from './errors.js';
import { applyPayout, type LedgerEntry, type PayoutUpdate } from './ledger.js';

export interface UitbetalingResultaat extends PayoutUpdate {
  /** The claim after payment: UITBETAALD (also when it had been paid before). */
  readonly aanvraag: Aanvraag;
}

/**
 * Pays `claim` from the ledger (see `applyPayout` for the refusals) and moves it to UITBETAALD.
 * Idempotent: a claim already paid in this ledger is returned UITBETAALD with the same ledger and
 * `alreadyPaid: true`, whatever status the caller's (possibly stale) copy had.
 */
export function payAanvraag(
  entries: readonly LedgerEntry[],
  claim: Aanvraag,
  at: string,
): Result<UitbetalingResultaat> {
  const payout = applyPayout(entries, claim, at);
  if (!payout.ok) return payout;
  if (claim.status === 'UITBETAALD') return ok({ ...payout.value, aanvraag: claim });
  const paid = markPaid(claim, payout.value.entries);
  if (!paid.ok) return paid;
  return ok({ ...payout.value, aanvraag: paid.value });
}
