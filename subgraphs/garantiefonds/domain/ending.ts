/**
 * Leaving and ending (art. 10.3, 10.5, 12.2): a party that leaves gets nothing back and the fund
 * continues with the others; when all parties end the agreement together, what is left is split over
 * them pro rata to their original contributions, exact to the cent, and the fund is closed at 0.
 */
import { FondsErrorCode, ok, refuse, type Result } from './errors.js';
import { balance, entryId, isOpgeheven, type LedgerEntry, type LedgerUpdate } from './ledger.js';
import { splitProRata, type Cents } from './money.js';
import { isDeelnemer, partyKey, type Deelnemer } from './parties.js';

/**
 * What a party that leaves gets back: always 0. Art. 10.3: "De tot dan toe geleverde bijdrage aan het
 * Garantiefonds wordt niet geretourneerd. De Samenwerkingsovereenkomst wordt in dat geval voortgezet
 * met de overige partijen"; art. 12.2 says the same for a party that does not extend. The money stays
 * in the fund for the parties that remain, so no ledger entry is made.
 */
export function refundOnLeaving(_party: Deelnemer): 0 {
  return 0;
}

/**
 * Each party's original contribution (oorspronkelijke inleg, art. 10.5): its FIRST contribution entry
 * in the ledger — the first round for a founding party, the joining contribution for a party that
 * joined later (art. 9c). Keyed by `partyKey`.
 */
export function originalContributions(entries: readonly LedgerEntry[]): ReadonlyMap<string, Cents> {
  const first = new Map<string, Cents>();
  for (const entry of entries) {
    if (entry.kind !== 'BIJDRAGE' || entry.party === undefined) continue;
    const key = partyKey(entry.party);
    if (!first.has(key)) first.set(key, entry.cents);
  }
  return first;
}

/**
 * Winds up the fund when all parties end the agreement together (art. 10.5: "worden de resterende
 * middelen in het Garantiefonds naar rato van de oorspronkelijke inleg verdeeld over de partijen").
 * `parties` are the parties still in the agreement at the end (a party that left earlier gets nothing,
 * art. 10.3). The balance is split with `splitProRata` by each party's original contribution, so the
 * RESTITUTIE_BIJ_OPHEFFING entries (negative, one per party with a non-zero part) add up to exactly
 * minus the balance and the ledger ends at exactly 0. Refuses FONDS_OPGEHEVEN when already wound up,
 * DEELNEMER_ONGELDIG / DUBBELE_DEELNEMER for a bad party list, and TOTAAL_GEWICHT_NIET_POSITIEF when
 * money remains but none of the parties ever contributed.
 */
export function endFund(entries: readonly LedgerEntry[], parties: readonly Deelnemer[], at: string): Result<LedgerUpdate> {
  const codes: FondsErrorCode[] = [];
  if (isOpgeheven(entries)) codes.push(FondsErrorCode.FONDS_OPGEHEVEN);
  if (parties.some((p) => !isDeelnemer(p))) codes.push(FondsErrorCode.DEELNEMER_ONGELDIG);
  if (new Set(parties.map(partyKey)).size !== parties.length) codes.push(FondsErrorCode.DUBBELE_DEELNEMER);
  if (codes.length > 0) return refuse(codes);

  const remaining = balance(entries);
  if (remaining === 0) return ok({ entries, appended: [] });
  const original = originalContributions(entries);
  const weights: Record<string, number> = {};
  for (const party of parties) weights[partyKey(party)] = original.get(partyKey(party)) ?? 0;
  const split = splitProRata(remaining, weights);
  if (!split.ok) return split;

  const appended = parties
    .map((party) => ({ party, cents: split.value[partyKey(party)] ?? 0 }))
    .filter((part) => part.cents > 0)
    .map(
      (part, i): LedgerEntry => ({
        id: entryId('RESTITUTIE_BIJ_OPHEFFING', entries.length + i + 1),
        kind: 'RESTITUTIE_BIJ_OPHEFFING',
        cents: -part.cents,
        party: { kind: part.party.kind, slug: part.party.slug },
        at,
      }),
    );
  return ok({ entries: [...entries, ...appended], appended });
}
