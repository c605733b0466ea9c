/**
 * Rows as the GraphQL types show them. Objects of a `@dosering` type carry `trajectId`, so the
 * dosing transformer knows which case's policy applies; amounts stay integer cents.
 */
import { lte, sql } from 'drizzle-orm';
import type { Db } from '../../common/database.js';
import type { AanvraagRow, BijdrageRow, DeelnemerRow, GrootboekRow, NalatigheidRow, RondeRow } from '../db/tables.js';
import { grootboek } from '../db/tables.js';
import { formulierOf, iso } from '../store/rows.js';

export function aanvraagView(row: AanvraagRow) {
  const f = formulierOf(row);
  return {
    trajectId: row.trajectId,
    id: row.id,
    trajectCode: row.trajectCode,
    corporatie: row.corporatie,
    bedragCent: row.bedragCent,
    borgCent: f.borgCents,
    soortBeeindiging: f.soortBeeindiging,
    datumBeeindiging: f.datumBeeindiging,
    kostenposten: f.kostenposten.map((l) => ({ soort: l.soort, bedragCent: l.cents, bewijs: l.bewijs })),
    evaluatie: f.evaluatie,
    contactpersoonRol: f.contactpersoonRol,
    reguliereBemiddelingDoorlopen: f.reguliereBemiddelingDoorlopen,
    bevindingen: row.bevindingen,
    uitzonderingToelichting: row.uitzonderingToelichting,
    status: row.status,
    ingediendOp: iso(row.ingediendOp),
    besluit: besluitView(row),
    besluitOp: iso(row.besluitOp),
    motivering: row.motivering,
    uitbetaaldOp: iso(row.uitbetaaldOp),
  };
}

/** The decision of a claim, or null while none was taken. */
export function besluitView(row: AanvraagRow) {
  if (row.besluitOp === null || row.status === 'INGEDIEND') return null;
  return {
    trajectId: row.trajectId,
    uitkomst: row.status === 'AFGEWEZEN' ? 'AFGEWEZEN' : 'GOEDGEKEURD',
    motivering: row.motivering ?? '',
    besprokenInOverlegOp: row.besprokenOp ?? '',
    partijenGeraadpleegd: row.partijenGeraadpleegd === true,
    overlegInstemming: row.overlegInstemming,
    uitzondering: row.uitzondering,
    op: iso(row.besluitOp),
    door: row.besluitDoor ?? '',
  };
}

/** The Voorzitter's worklist entry: what a decision needs, without the case code or any free text. */
export function terBeslissingView(row: AanvraagRow, nalatigheidVastgelegd: boolean) {
  const f = formulierOf(row);
  return {
    // Not in the SDL: the case the dosing decides on (the Voorzitter reads claims of its own region only).
    trajectId: row.trajectId,
    aanvraagId: row.id,
    corporatie: row.corporatie,
    bedragCent: row.bedragCent,
    borgCent: f.borgCents,
    soortBeeindiging: f.soortBeeindiging,
    datumBeeindiging: f.datumBeeindiging,
    kostenposten: f.kostenposten.map((l) => ({ soort: l.soort, bedragCent: l.cents })),
    bevindingen: row.bevindingen,
    uitzonderingVerzocht: row.uitzonderingToelichting !== null,
    nalatigheidVastgelegd,
    ingediendOp: iso(row.ingediendOp),
  };
}

export function nalatigheidView(row: NalatigheidRow) {
  return {
    trajectId: row.trajectId,
    id: row.id,
    partij: row.partij,
    organisatie: row.organisatie,
    toelichting: row.toelichting,
    vastgelegdOp: iso(row.vastgelegdOp),
  };
}

export function bijdrageView(row: BijdrageRow) {
  const at = row.deelnemer.indexOf(':');
  return {
    id: row.id,
    ronde: row.ronde,
    deelnemer: row.deelnemer,
    soort: row.deelnemer.slice(0, at),
    slug: row.deelnemer.slice(at + 1),
    bedragCent: row.bedragCent,
    gevraagdOp: iso(row.gevraagdOp),
    betaaldOp: iso(row.betaaldOp),
    vervallenOp: iso(row.vervallenOp),
    status: row.betaaldOp !== null ? 'BETAALD' : row.vervallenOp !== null ? 'VERVALLEN' : 'OPENSTAAND',
  };
}

/** A round with what it asked in total and what of that is still due (void contributions are not). */
export function rondeView(ronde: RondeRow, rows: readonly BijdrageRow[]) {
  const eigen = rows.filter((b) => b.ronde === ronde.ronde);
  const total = (xs: readonly BijdrageRow[]) => xs.reduce((s, b) => s + b.bedragCent, 0);
  return {
    ronde: ronde.ronde,
    soort: ronde.soort,
    gevraagdOp: iso(ronde.gevraagdOp),
    aanleiding: ronde.aanleiding,
    totaalCent: total(eigen),
    openstaandCent: total(eigen.filter((b) => b.betaaldOp === null && b.vervallenOp === null)),
  };
}

export function deelnemerView(row: DeelnemerRow) {
  return { ...row, toegetredenOp: iso(row.toegetredenOp), uitgetredenOp: iso(row.uitgetredenOp) };
}

export function regelView(row: GrootboekRow, saldoNaCent: number) {
  return { ...row, op: iso(row.op), saldoNaCent };
}

/** One ledger entry with the running balance after it (the sum of it and every earlier entry). */
export async function regelMetSaldo(db: Db, row: GrootboekRow) {
  const [s] = await db
    .select({ v: sql<string>`coalesce(sum(${grootboek.bedragCent}), 0)` })
    .from(grootboek)
    .where(lte(grootboek.volgnummer, row.volgnummer));
  return regelView(row, Number(s!.v));
}

/** The whole ledger in booking order, each entry with its running balance. */
export function grootboekView(rows: readonly GrootboekRow[]) {
  let saldo = 0;
  return rows.map((row) => regelView(row, (saldo += row.bedragCent)));
}
