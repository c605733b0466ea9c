/**
 * The cashier's work on contributions and parties: booking a received contribution (once), a party
 * joining (art. 9c: the key changes from then on, and the joiner pays its share at the new key), a
 * party leaving (art. 10.3: nothing back), and changing a party's weight in the key.
 */
import { eq } from 'drizzle-orm';
import {
  FondsErrorCode,
  applyBijdragen,
  balance,
  isDeelnemer,
  isIsoDate,
  isOpgeheven,
  partyKey,
  refundOnLeaving,
  type Deelnemer,
  type DeelnemerSoort,
} from '../domain/index.js';
import type { Db } from '../../common/database.js';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import { bijdragen, deelnemers, grootboek, type BijdrageRow, type DeelnemerRow, type GrootboekRow } from '../db/tables.js';
import { boek, inFondsTransactie, loadLedger } from '../store/ledger.js';
import { fondsWeigering, weigerFonds } from '../store/refusal.js';
import { actieveDeelnemers, berekenRonde, vraagRondeUit } from '../store/rounds.js';
import { partyOfKey } from '../store/rows.js';

export interface BoekingUitkomst {
  readonly bijdrage: BijdrageRow;
  readonly nieuwGeboekt: boolean;
  readonly regel: GrootboekRow;
  readonly saldoCent: number;
}

/** A weight in a distribution key: a positive whole number (inhabitants, dwellings). */
function isGewicht(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

async function openFonds(tx: Db) {
  const entries = await loadLedger(tx);
  if (isOpgeheven(entries)) throw weigerFonds(FondsErrorCode.FONDS_OPGEHEVEN);
  return entries;
}

/**
 * Books a received contribution as a ledger entry and marks it paid, in one transaction. Idempotent:
 * a contribution already booked answers with its entry and `nieuwGeboekt: false` (the unique index
 * on the entry's contribution id is the database's guarantee). Refuses an unknown contribution
 * (NIET_GEVONDEN), a payment date that is not a date or lies in the future (DATUM_ONGELDIG), a void
 * contribution or any booking after the fund was wound up (FONDS_OPGEHEVEN).
 */
export async function registreerBijdrage(db: Db, bijdrageId: string, betaaldOp: string, now: Date): Promise<BoekingUitkomst> {
  if (!isIsoDate(betaaldOp) || betaaldOp > now.toISOString().slice(0, 10)) {
    throw weigerFonds(FondsErrorCode.DATUM_ONGELDIG, `betaald op ${betaaldOp}`);
  }
  return inFondsTransactie(db, async (tx) => {
    const [row] = await tx.select().from(bijdragen).where(eq(bijdragen.id, bijdrageId)).for('update');
    if (!row) throw weigering(ErrorCode.NIET_GEVONDEN, 'Bijdrage niet gevonden.', { bijdrageId });
    const entries = await loadLedger(tx);
    if (row.betaaldOp !== null) {
      const [regel] = await tx.select().from(grootboek).where(eq(grootboek.bijdrageId, row.id));
      if (!regel) throw weigerFonds(FondsErrorCode.GROOTBOEK_ONGELDIG, `bijdrage ${row.id} betaald zonder boeking`);
      return { bijdrage: row, nieuwGeboekt: false, regel, saldoCent: balance(entries) };
    }
    if (row.vervallenOp !== null || isOpgeheven(entries)) throw weigerFonds(FondsErrorCode.FONDS_OPGEHEVEN);
    const party = partyOfKey(row.deelnemer);
    if (!party) throw weigerFonds(FondsErrorCode.DEELNEMER_ONGELDIG);
    const applied = applyBijdragen(entries, [{ ...party, cents: row.bedragCent }], now.toISOString());
    if (!applied.ok) throw fondsWeigering(applied);
    const [regel] = await boek(tx, [
      { entry: applied.value.appended[0]!, bijdrageId: row.id, omschrijving: `Bijdrage ronde ${row.ronde} van ${row.deelnemer}` },
    ]);
    const [bijdrage] = await tx.update(bijdragen).set({ betaaldOp: `${betaaldOp}T00:00:00Z` }).where(eq(bijdragen.id, row.id)).returning();
    return { bijdrage: bijdrage!, nieuwGeboekt: true, regel: regel!, saldoCent: balance(applied.value.entries) };
  });
}

export interface ToetredingVerzoek {
  readonly soort: DeelnemerSoort;
  readonly slug: string;
  readonly gewicht?: number | null;
}

/**
 * Admits a party. Its weight enters the key at once, so every later round is split anew; it is
 * asked its joining contribution: its part of a full round at the new key (a care provider: its
 * € 1.000). Refuses a malformed party (DEELNEMER_ONGELDIG), a missing or non-positive weight for a
 * gemeente or corporation (GEWICHT_ONGELDIG), a party already taking part (DUBBELE_DEELNEMER) and
 * any admission after the fund was wound up (FONDS_OPGEHEVEN). A party that left may join again.
 */
export async function treedToe(db: Db, verzoek: ToetredingVerzoek, now: Date): Promise<{ deelnemer: DeelnemerRow; bijdrage: BijdrageRow | null }> {
  const party: Deelnemer = { kind: verzoek.soort, slug: verzoek.slug };
  if (!isDeelnemer(party) || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(party.slug)) throw weigerFonds(FondsErrorCode.DEELNEMER_ONGELDIG, verzoek.slug);
  const gewicht = verzoek.soort === 'ZORGAANBIEDER' ? 1 : verzoek.gewicht;
  if (!isGewicht(gewicht)) throw weigerFonds(FondsErrorCode.GEWICHT_ONGELDIG);
  return inFondsTransactie(db, async (tx) => {
    await openFonds(tx);
    const id = partyKey(party);
    const at = now.toISOString();
    const [bestaand] = await tx.select().from(deelnemers).where(eq(deelnemers.id, id));
    if (bestaand && bestaand.uitgetredenOp === null) throw weigerFonds(FondsErrorCode.DUBBELE_DEELNEMER, id);
    const [deelnemer] = bestaand
      ? await tx.update(deelnemers).set({ gewicht, toegetredenOp: at, uitgetredenOp: null }).where(eq(deelnemers.id, id)).returning()
      : await tx.insert(deelnemers).values({ id, soort: party.kind, slug: party.slug, gewicht, toegetredenOp: at }).returning();
    const eigen = berekenRonde(await actieveDeelnemers(tx)).filter((b) => partyKey(b) === id);
    const ronde = await vraagRondeUit(tx, 'TOETREDING', `toetreding van ${id} (art. 9c)`, eigen, at);
    return { deelnemer: deelnemer!, bijdrage: ronde.bijdragen[0] ?? null };
  });
}

/**
 * Records a party leaving. It gets nothing back (`refundOnLeaving` is 0, art. 10.3) and no entry is
 * booked: its money stays in the fund for the others. Contributions it was asked before leaving stay
 * due. Refuses an unknown party or one that already left (DEELNEMER_ONBEKEND).
 */
export async function treedUit(db: Db, deelnemerId: string, now: Date): Promise<{ deelnemer: DeelnemerRow; terugbetaaldCent: number }> {
  return inFondsTransactie(db, async (tx) => {
    await openFonds(tx);
    const [row] = await tx.select().from(deelnemers).where(eq(deelnemers.id, deelnemerId));
    if (!row || row.uitgetredenOp !== null) throw weigerFonds(FondsErrorCode.DEELNEMER_ONBEKEND, deelnemerId);
    const [deelnemer] = await tx.update(deelnemers).set({ uitgetredenOp: now.toISOString() }).where(eq(deelnemers.id, row.id)).returning();
    return { deelnemer: deelnemer!, terugbetaaldCent: refundOnLeaving({ kind: row.soort as DeelnemerSoort, slug: row.slug }) };
  });
}

/** Changes a party's weight in its kind's key; rounds already asked keep their amounts. */
export async function stelGewichtIn(db: Db, deelnemerId: string, gewicht: number): Promise<DeelnemerRow> {
  if (!isGewicht(gewicht)) throw weigerFonds(FondsErrorCode.GEWICHT_ONGELDIG, String(gewicht));
  return inFondsTransactie(db, async (tx) => {
    await openFonds(tx);
    const [row] = await tx.select().from(deelnemers).where(eq(deelnemers.id, deelnemerId));
    if (!row || row.uitgetredenOp !== null) throw weigerFonds(FondsErrorCode.DEELNEMER_ONBEKEND, deelnemerId);
    const [updated] = await tx.update(deelnemers).set({ gewicht }).where(eq(deelnemers.id, row.id)).returning();
    return updated!;
  });
}
