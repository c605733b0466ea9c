/**
 * The cashier's payout (art. 7.7) in the database: under the fund's lock and a row lock on the
 * claim, the domain's `payAanvraag` decides on the ledger as it is now, the entry and the status
 * change are written in one transaction, and when the payout takes the balance below € 25.000 the
 * replenishment round is asked in the same transaction (art. 7.6). A retry — sequential or
 * concurrent — finds the payout entry and books nothing.
 */
import { eq } from 'drizzle-orm';
import {
  AANVULGRENS_CENTS,
  balance,
  formatEuro,
  payAanvraag,
  zaktOnderAanvulgrens,
} from '../domain/index.js';
import type { Db } from '../../common/database.js';
import { aanvragen, grootboek, type AanvraagRow, type GrootboekRow } from '../db/tables.js';
import { boek, inFondsTransactie, loadLedger } from '../store/ledger.js';
import { fondsWeigering } from '../store/refusal.js';
import { actieveDeelnemers, berekenRonde, vraagRondeUit } from '../store/rounds.js';
import { aanvraagOf } from '../store/rows.js';
import { aanvraagVoorWijziging } from './claims.js';

export interface UitbetalingUitkomst {
  readonly aanvraag: AanvraagRow;
  readonly nieuwGeboekt: boolean;
  readonly regel: GrootboekRow;
  readonly saldoCent: number;
  readonly aanvullingsronde: number | null;
}

/** True for a unique-index violation, however the driver wraps it. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

async function betaalEenmaal(db: Db, aanvraagId: string, now: Date): Promise<UitbetalingUitkomst> {
  return inFondsTransactie(db, async (tx) => {
    const row = await aanvraagVoorWijziging(tx, aanvraagId);
    const entries = await loadLedger(tx);
    const at = now.toISOString();
    const paid = payAanvraag(entries, aanvraagOf(row), at);
    if (!paid.ok) throw fondsWeigering(paid, { aanvraagId });
    const saldoVoor = balance(entries);
    const saldoNa = balance(paid.value.entries);

    if (paid.value.alreadyPaid) {
      // The ledger says it was paid; a status left behind by an interrupted run is repaired, never re-paid.
      const [regel] = await tx.select().from(grootboek).where(eq(grootboek.id, paid.value.entries.find((e) => e.claimId === row.id)!.id));
      const [aanvraag] =
        row.status === 'UITBETAALD'
          ? [row]
          : await tx.update(aanvragen).set({ status: 'UITBETAALD', uitbetaaldOp: regel!.op }).where(eq(aanvragen.id, row.id)).returning();
      return { aanvraag: aanvraag!, nieuwGeboekt: false, regel: regel!, saldoCent: saldoNa, aanvullingsronde: null };
    }

    const [regel] = await boek(tx, [
      { entry: paid.value.appended[0]!, omschrijving: `Uitbetaling aanvraag ${row.id} aan ${row.corporatie}` },
    ]);
    const [aanvraag] = await tx
      .update(aanvragen)
      .set({ status: 'UITBETAALD', uitbetaaldOp: at })
      .where(eq(aanvragen.id, row.id))
      .returning();
    let aanvullingsronde: number | null = null;
    if (zaktOnderAanvulgrens(saldoVoor, saldoNa)) {
      const parties = await actieveDeelnemers(tx);
      const round = await vraagRondeUit(
        tx,
        'AANVULLING',
        `saldo ${formatEuro(saldoNa)} onder ${formatEuro(AANVULGRENS_CENTS)} na uitbetaling van aanvraag ${row.id}`,
        berekenRonde(parties),
        at,
      );
      aanvullingsronde = round.ronde;
    }
    return { aanvraag: aanvraag!, nieuwGeboekt: true, regel: regel!, saldoCent: saldoNa, aanvullingsronde };
  });
}

/**
 * Pays an approved claim once. Refuses, with the domain's codes, a claim that is not approved, an
 * amount above the balance and any payout after the fund was wound up. Should a writer outside
 * this lock ever have booked the same payout first, the unique index refuses the second entry and
 * the retry below answers from the ledger as for any repeated payout.
 */
export async function betaalUit(db: Db, aanvraagId: string, now: Date): Promise<UitbetalingUitkomst> {
  try {
    return await betaalEenmaal(db, aanvraagId, now);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return betaalEenmaal(db, aanvraagId, now);
  }
}
