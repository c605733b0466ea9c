/**
 * Winding up the fund (art. 10.5): when all parties end the agreement together, the remainder goes
 * back to the parties still in it, pro rata to their original contributions and exact to the cent
 * (the domain's `endFund`); contributions still due lapse. Afterwards the ledger stands at 0 and
 * every booking is refused.
 */
import { and, inArray, isNull } from 'drizzle-orm';
import { FondsErrorCode, balance, endFund, isOpgeheven } from '../domain/index.js';
import type { Db } from '../../common/database.js';
import { aanvragen, bijdragen, type GrootboekRow } from '../db/tables.js';
import { boek, inFondsTransactie, loadLedger } from '../store/ledger.js';
import { fondsWeigering, weigerFonds } from '../store/refusal.js';
import { actieveDeelnemers } from '../store/rounds.js';
import { partyOfRow } from '../store/rows.js';

/**
 * Books one RESTITUTIE_BIJ_OPHEFFING entry per remaining party with a non-zero part. Refuses a blank
 * reference to the parties' decision (MOTIVERING_ONTBREEKT), claims still submitted or approved and
 * unpaid (OPENSTAANDE_AANVRAGEN: they must be decided and paid or rejected first) and a second
 * winding-up (FONDS_OPGEHEVEN).
 */
export async function hefFondsOp(db: Db, besluit: string, now: Date): Promise<{ restituties: GrootboekRow[]; saldoCent: number }> {
  if (!besluit.trim()) throw weigerFonds(FondsErrorCode.MOTIVERING_ONTBREEKT, 'verwijs naar het besluit van de partijen');
  return inFondsTransactie(db, async (tx) => {
    const entries = await loadLedger(tx);
    if (isOpgeheven(entries)) throw weigerFonds(FondsErrorCode.FONDS_OPGEHEVEN);
    const open = await tx.select({ id: aanvragen.id }).from(aanvragen).where(inArray(aanvragen.status, ['INGEDIEND', 'GOEDGEKEURD']));
    if (open.length > 0) throw weigerFonds(FondsErrorCode.OPENSTAANDE_AANVRAGEN, `${open.length} aanvraag/aanvragen`);
    const at = now.toISOString();
    const ended = endFund(entries, (await actieveDeelnemers(tx)).map(partyOfRow), at);
    if (!ended.ok) throw fondsWeigering(ended);
    const restituties = await boek(
      tx,
      ended.value.appended.map((entry) => ({
        entry,
        omschrijving: `Restitutie bij opheffing aan ${entry.party!.kind}:${entry.party!.slug} (${besluit.trim()})`,
      })),
    );
    await tx
      .update(bijdragen)
      .set({ vervallenOp: at })
      .where(and(isNull(bijdragen.betaaldOp), isNull(bijdragen.vervallenOp)));
    return { restituties, saldoCent: balance(ended.value.entries) };
  });
}
