/**
 * The fund's ledger (grootboek): an append-only list of signed mutations in cents. The balance is
 * never stored, only derived (the sum), so it cannot drift from the entries; every mutation names the
 * party or claim it concerns, so the Voorzitter can account for the money (art. 7.8) and the MGR can
 * show it only paid approved claims (art. 7.7). Functions return a new ledger and never mutate input.
 */
import type { Aanvraag } from './aanvraag.js';
import type { Bijdrage } from './contributions.js';
import { FondsErrorCode, ok, refuse, type Result } from './errors.js';
import { formatEuro, isPositiveCents, isSignedCents, type Cents } from './money.js';
import { isDeelnemer, type Deelnemer } from './parties.js';

export const MUTATIE_SOORTEN = ['BIJDRAGE', 'UITBETALING', 'RESTITUTIE_BIJ_OPHEFFING'] as const;
export type MutatieSoort = (typeof MUTATIE_SOORTEN)[number];

export interface LedgerEntry {
  /** Unique within the ledger; `${kind}:${position}` (1-based) when made by this module. */
  readonly id: string;
  readonly kind: MutatieSoort;
  /** Signed: + money in (BIJDRAGE), − money out (UITBETALING, RESTITUTIE_BIJ_OPHEFFING). */
  readonly cents: Cents;
  /** The paying party, the paid corporation, or the party refunded at the end. */
  readonly party?: Deelnemer;
  /** The claim a payout settles. */
  readonly claimId?: string;
  /** ISO 8601 timestamp. */
  readonly at: string;
}

/** A ledger change: the whole new ledger, and the entries appended (what a database would insert). */
export interface LedgerUpdate {
  readonly entries: readonly LedgerEntry[];
  readonly appended: readonly LedgerEntry[];
}

export interface PayoutUpdate extends LedgerUpdate {
  /** True when the claim had already been paid: nothing was appended and `entries` is the input. */
  readonly alreadyPaid: boolean;
}

/**
 * The id of the entry at a 1-based position. Deterministic, so the same operation on the same ledger
 * yields the same id; with a unique index on id, two concurrent writers that both computed on a
 * stale ledger collide instead of double-booking.
 */
export function entryId(kind: MutatieSoort, position: number): string {
  return `${kind}:${position}`;
}

/** The fund's balance: the sum of all entries, the only definition of the saldo. */
export function balance(entries: readonly LedgerEntry[]): Cents {
  return entries.reduce((sum, entry) => sum + entry.cents, 0);
}

/** True once the fund was wound up (art. 10.5): after that no mutation is accepted. */
export function isOpgeheven(entries: readonly LedgerEntry[]): boolean {
  return entries.some((entry) => entry.kind === 'RESTITUTIE_BIJ_OPHEFFING');
}

/** The payout entry of a claim, if any: the ledger, not the claim's status, says whether it was paid. */
export function findPayout(entries: readonly LedgerEntry[], claimId: string): LedgerEntry | undefined {
  return entries.find((entry) => entry.kind === 'UITBETALING' && entry.claimId === claimId);
}

/**
 * Books a round of contributions (one BIJDRAGE entry per party with a positive amount; a 0 is not a
 * mutation and is skipped). Refuses a contribution that is not cents or has a malformed party, and any
 * booking after the fund was wound up.
 */
export function applyBijdragen(
  entries: readonly LedgerEntry[],
  bijdragen: readonly Bijdrage[],
  at: string,
): Result<LedgerUpdate> {
  const codes: FondsErrorCode[] = [];
  if (isOpgeheven(entries)) codes.push(FondsErrorCode.FONDS_OPGEHEVEN);
  if (bijdragen.some((b) => !isSignedCents(b.cents) || b.cents < 0)) codes.push(FondsErrorCode.BEDRAG_ONGELDIG);
  if (bijdragen.some((b) => !isDeelnemer(b))) codes.push(FondsErrorCode.DEELNEMER_ONGELDIG);
  if (codes.length > 0) return refuse(codes);
  const appended = bijdragen
    .filter((b) => b.cents > 0)
    .map(
      (b, i): LedgerEntry => ({
        id: entryId('BIJDRAGE', entries.length + i + 1),
        kind: 'BIJDRAGE',
        cents: b.cents,
        party: { kind: b.kind, slug: b.slug },
        at,
      }),
    );
  return ok({ entries: [...entries, ...appended], appended });
}

/**
 * Pays an approved claim out of the fund — the MGR's cashier role (art. 7.7): it pays only what the
 * Voorzitter approved, and only what the fund holds, so the ledger never goes negative.
 * - Idempotent: if the ledger already holds this claim's payout, it returns the SAME ledger (same
 *   array) with `alreadyPaid: true` and appends nothing — a retry can never pay twice.
 * - AANVRAAG_NIET_GOEDGEKEURD when the claim's status is not GOEDGEKEURD;
 * - UITBETALING_NIET_GEBOEKT when the claim says UITBETAALD but this ledger has no payout for it
 *   (paying now could pay twice; the inconsistency must be resolved by a person);
 * - BEDRAG_ONGELDIG when the amount is not positive cents;
 * - SALDO_ONTOEREIKEND when the amount exceeds the balance (paying exactly the balance is allowed);
 * - FONDS_OPGEHEVEN after the fund was wound up.
 */
export function applyPayout(entries: readonly LedgerEntry[], claim: Aanvraag, at: string): Result<PayoutUpdate> {
  if (findPayout(entries, claim.id) !== undefined) return ok({ entries, appended: [], alreadyPaid: true });
  const codes: FondsErrorCode[] = [];
  if (isOpgeheven(entries)) codes.push(FondsErrorCode.FONDS_OPGEHEVEN);
  if (claim.status === 'UITBETAALD') codes.push(FondsErrorCode.UITBETALING_NIET_GEBOEKT);
  else if (claim.status !== 'GOEDGEKEURD') codes.push(FondsErrorCode.AANVRAAG_NIET_GOEDGEKEURD);
  const saldo = balance(entries);
  if (!isPositiveCents(claim.bedragCents)) codes.push(FondsErrorCode.BEDRAG_ONGELDIG);
  else if (claim.bedragCents > saldo) codes.push(FondsErrorCode.SALDO_ONTOEREIKEND);
  if (codes.length > 0) {
    return refuse(codes, `saldo ${formatEuro(saldo)}, gevraagd ${formatEuro(claim.bedragCents)}`);
  }
  const entry: LedgerEntry = {
    id: entryId('UITBETALING', entries.length + 1),
    kind: 'UITBETALING',
    cents: -claim.bedragCents,
    party: { kind: 'CORPORATIE', slug: claim.formulier.corporatie },
    claimId: claim.id,
    at,
  };
  return ok({ entries: [...entries, entry], appended: [entry], alreadyPaid: false });
}

/**
 * Checks a ledger loaded from storage against every invariant this module maintains, so a corrupted
 * or hand-edited table is caught before money moves: amounts are safe integers with the sign of their
 * kind, ids are unique, contributions and refunds name a party, payouts name a claim and no claim is
 * paid twice, the running balance never drops below 0, and after winding up nothing else is booked
 * and the balance is exactly 0. Returns the balance when all hold.
 */
export function verifyLedger(entries: readonly LedgerEntry[]): Result<{ saldo: Cents }> {
  const problems: string[] = [];
  const ids = new Set<string>();
  const paidClaims = new Set<string>();
  let running = 0;
  let wound = false;
  entries.forEach((e, i) => {
    const where = `regel ${i + 1} (${e.id})`;
    if (ids.has(e.id)) problems.push(`${where}: id dubbel`);
    ids.add(e.id);
    if (!(MUTATIE_SOORTEN as readonly string[]).includes(e.kind)) problems.push(`${where}: onbekende soort`);
    if (!isSignedCents(e.cents) || e.cents === 0) problems.push(`${where}: bedrag ongeldig`);
    if (e.kind === 'BIJDRAGE' && e.cents < 0) problems.push(`${where}: bijdrage negatief`);
    if (e.kind !== 'BIJDRAGE' && e.cents > 0) problems.push(`${where}: uitgaand bedrag positief`);
    if (e.kind !== 'UITBETALING' && (e.party === undefined || !isDeelnemer(e.party))) {
      problems.push(`${where}: partij ontbreekt`);
    }
    if (e.kind === 'UITBETALING') {
      if (e.claimId === undefined || e.claimId.length === 0) problems.push(`${where}: aanvraag ontbreekt`);
      else if (paidClaims.has(e.claimId)) problems.push(`${where}: aanvraag ${e.claimId} dubbel uitbetaald`);
      else paidClaims.add(e.claimId);
    }
    if (wound && e.kind !== 'RESTITUTIE_BIJ_OPHEFFING') problems.push(`${where}: mutatie na opheffing`);
    if (e.kind === 'RESTITUTIE_BIJ_OPHEFFING') wound = true;
    running += e.cents;
    if (running < 0) problems.push(`${where}: saldo negatief`);
  });
  if (wound && running !== 0) problems.push('saldo na opheffing is niet 0');
  return problems.length === 0
    ? ok({ saldo: running })
    : refuse([FondsErrorCode.GROOTBOEK_ONGELDIG], problems.join('; '));
}
