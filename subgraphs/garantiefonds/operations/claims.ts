/**
 * Filing a claim and deciding on it, in the database. The rules are the domain's
 * (`beoordeelIndiening`, `besluitVoorzitter`); this adds what only the store knows (an earlier
 * claim, recorded negligence, whether the fund was wound up) and writes the outcome atomically.
 * Who may act, in which relation and phase, the acts guard checked before anything here runs.
 */
import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import {
  FondsErrorCode,
  beoordeelIndiening,
  besluitVoorzitter,
  findPersonalData,
  isOpgeheven,
  naNalatigheid,
  refuse,
  type BesluitUitkomst,
  type Kostensoort,
  type Beeindigingssoort,
} from '../domain/index.js';
import type { Db } from '../../common/database.js';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import { aanvragen, nalatigheden, type AanvraagRow, type NalatigheidRow } from '../db/tables.js';
import { inFondsTransactie, loadLedger } from '../store/ledger.js';
import { fondsWeigering, weigerFonds } from '../store/refusal.js';
import { aanvraagOf, iso, type OpgeslagenFormulier } from '../store/rows.js';

/** The standard form as the GraphQL input carries it. */
export interface FormulierInvoer {
  readonly trajectId: string;
  readonly trajectCode: string;
  readonly datumBeeindiging: string;
  readonly soortBeeindiging: Beeindigingssoort;
  readonly borgCent: number;
  readonly kostenposten: readonly { readonly soort: Kostensoort; readonly bedragCent: number; readonly bewijs: string }[];
  readonly evaluatie: string;
  readonly contactpersoonRol: string;
  readonly reguliereBemiddelingDoorlopen?: boolean | null;
  readonly uitzonderingToelichting?: string | null;
}

/** What the routeplanner records about the case, loaded through the policy context. */
export interface CaseFeiten {
  readonly uitkomst: string | null | undefined;
  readonly gematcht: string | null | undefined;
  readonly trajectCode: string | null | undefined;
  /** The deposit of the case's lease, as the corporation recorded it when signing. */
  readonly huurBorgCents: number | null | undefined;
  /** The date the corporation ended the lease, as the routeplanner records it. */
  readonly huurEinddatum: string | null | undefined;
}

async function nalatighedenVan(db: Db, trajectId: string): Promise<NalatigheidRow[]> {
  return db.select().from(nalatigheden).where(eq(nalatigheden.trajectId, trajectId));
}

/**
 * Records a claim of `corporatie` with status INGEDIEND, or refuses it with the domain's codes (and
 * FONDS_OPGEHEVEN after the fund was wound up). One claim per case: a second filing, also one that
 * races the first, is AL_AANGEVRAAGD (the unique index on the case decides the race).
 */
export async function dienAanvraagIn(
  db: Db,
  invoer: FormulierInvoer,
  feiten: CaseFeiten,
  corporatie: string,
  door: string,
  now: Date,
): Promise<AanvraagRow> {
  return inFondsTransactie(db, async (tx) => {
    if (isOpgeheven(await loadLedger(tx))) throw weigerFonds(FondsErrorCode.FONDS_OPGEHEVEN);
    const [eerder] = await tx.select({ id: aanvragen.id }).from(aanvragen).where(eq(aanvragen.trajectId, invoer.trajectId));
    const formulier: OpgeslagenFormulier = {
      trajectCode: invoer.trajectCode,
      corporatie,
      datumBeeindiging: invoer.datumBeeindiging,
      soortBeeindiging: invoer.soortBeeindiging,
      borgCents: invoer.borgCent,
      kostenposten: invoer.kostenposten.map((l) => ({ soort: l.soort, cents: l.bedragCent, bewijs: l.bewijs })),
      besprokenInOverlegOp: null,
      evaluatie: invoer.evaluatie,
      contactpersoonRol: invoer.contactpersoonRol,
      reguliereBemiddelingDoorlopen: invoer.reguliereBemiddelingDoorlopen === true,
    };
    const uitzondering = invoer.uitzonderingToelichting === null || invoer.uitzonderingToelichting === undefined
      ? null
      : { toelichting: invoer.uitzonderingToelichting };
    const beoordeling = beoordeelIndiening({
      formulier,
      uitkomst: feiten.uitkomst,
      gematcht: feiten.gematcht,
      trajectCode: feiten.trajectCode,
      huurBorgCents: feiten.huurBorgCents,
      huurEinddatum: feiten.huurEinddatum,
      nalatigheidVastgelegd: (await nalatighedenVan(tx, invoer.trajectId)).length > 0,
      alAangevraagd: eerder !== undefined,
      reguliereBemiddelingDoorlopen: formulier.reguliereBemiddelingDoorlopen,
      uitzondering,
    });
    if (!beoordeling.ok) throw fondsWeigering(beoordeling);
    const [row] = await tx
      .insert(aanvragen)
      .values({
        id: randomUUID(),
        trajectId: invoer.trajectId,
        trajectCode: invoer.trajectCode,
        corporatie,
        formulier,
        bedragCent: beoordeling.value.bedragCents,
        status: 'INGEDIEND',
        bevindingen: [...beoordeling.value.bevindingen],
        uitzonderingToelichting: uitzondering?.toelichting.trim() ?? null,
        ingediendOp: now.toISOString(),
        ingediendDoor: door,
      })
      .onConflictDoNothing({ target: aanvragen.trajectId })
      .returning();
    if (!row) throw weigerFonds(FondsErrorCode.AL_AANGEVRAAGD);
    return row;
  });
}

export interface BesluitVerzoek {
  readonly aanvraagId: string;
  readonly uitkomst: BesluitUitkomst;
  readonly motivering: string;
  readonly besprokenInOverlegOp?: string | null;
  readonly partijenGeraadpleegd: boolean;
  readonly overlegInstemming?: boolean | null;
}

/** Whose case a claim is about: how the acts guard finds the case of a decision or payout. */
export async function trajectVanAanvraag(db: Db, aanvraagId: string): Promise<string | null> {
  const [row] = await db.select({ trajectId: aanvragen.trajectId }).from(aanvragen).where(eq(aanvragen.id, aanvraagId));
  return row?.trajectId ?? null;
}

/** Loads a claim under a row lock, or answers NIET_GEVONDEN. */
export async function aanvraagVoorWijziging(tx: Db, aanvraagId: string): Promise<AanvraagRow> {
  const [row] = await tx.select().from(aanvragen).where(eq(aanvragen.id, aanvraagId)).for('update');
  if (!row) throw weigering(ErrorCode.NIET_GEVONDEN, 'Aanvraag niet gevonden.', { aanvraagId });
  return row;
}

/**
 * Records the Voorzitter's decision, or refuses it with every applicable code. The status only
 * moves from INGEDIEND, under a row lock, so two decisions cannot both land.
 */
export async function besluitOverAanvraag(db: Db, verzoek: BesluitVerzoek, door: string, now: Date): Promise<AanvraagRow> {
  return inFondsTransactie(db, async (tx) => {
    const row = await aanvraagVoorWijziging(tx, verzoek.aanvraagId);
    const besluit = besluitVoorzitter(
      aanvraagOf(row),
      {
        uitkomst: verzoek.uitkomst,
        motivering: verzoek.motivering,
        partijenGeraadpleegd: verzoek.partijenGeraadpleegd,
        overlegInstemming: verzoek.overlegInstemming === true,
        besprokenInOverlegOp: verzoek.besprokenInOverlegOp,
        at: now.toISOString(),
      },
      { nalatigheidVastgelegd: (await nalatighedenVan(tx, row.trajectId)).length > 0, vandaag: now.toISOString().slice(0, 10) },
    );
    if (!besluit.ok) throw fondsWeigering(besluit, { aanvraagId: row.id });
    const b = besluit.value.besluit!;
    const [updated] = await tx
      .update(aanvragen)
      .set({
        status: besluit.value.status,
        formulier: { ...(row.formulier as OpgeslagenFormulier), besprokenInOverlegOp: besluit.value.formulier.besprokenInOverlegOp },
        besprokenOp: besluit.value.formulier.besprokenInOverlegOp,
        besluitOp: b.at,
        besluitDoor: door,
        motivering: b.motivering,
        partijenGeraadpleegd: b.partijenGeraadpleegd,
        overlegInstemming: b.overlegInstemming,
        uitzondering: b.uitzondering,
      })
      .where(and(eq(aanvragen.id, row.id), eq(aanvragen.status, 'INGEDIEND')))
      .returning();
    if (!updated) throw weigerFonds(FondsErrorCode.ONGELDIGE_STATUSOVERGANG);
    return updated;
  });
}

/** The parties of a case whose negligence can be recorded (not the resident: the fund covers that risk). */
export const NALATIGE_PARTIJEN = ['GEMEENTE', 'REGISSEUR', 'CORPORATIE', 'ZORGAANBIEDER'] as const;

export interface NalatigheidVerzoek {
  readonly trajectId: string;
  readonly partij: string;
  readonly organisatie: string;
  readonly toelichting: string;
}

/**
 * Records serious negligence of a party in a case. Refuses an explanation that is blank
 * (MOTIVERING_ONTBREEKT) or holds personal data, and a party that is not a party of a case
 * (DEELNEMER_ONGELDIG). Nothing is ever overwritten: each record stands on its own. An approved,
 * unpaid claim of the case is rejected in the same transaction (`naNalatigheid`), so it is never paid.
 */
export async function legNalatigheidVast(db: Db, verzoek: NalatigheidVerzoek, door: string, besluitDoor: string, now: Date): Promise<NalatigheidRow> {
  const codes: FondsErrorCode[] = [];
  const toelichting = verzoek.toelichting.trim();
  if (toelichting.length === 0) codes.push(FondsErrorCode.MOTIVERING_ONTBREEKT);
  else if (findPersonalData(toelichting).length > 0) codes.push(FondsErrorCode.PERSOONSGEGEVENS_IN_TEKST);
  if (!(NALATIGE_PARTIJEN as readonly string[]).includes(verzoek.partij) || !verzoek.organisatie.trim()) {
    codes.push(FondsErrorCode.DEELNEMER_ONGELDIG);
  }
  if (codes.length > 0) throw fondsWeigering(refuse(codes));
  // Under the fund's lock, so a decision or payout at the same moment either sees this record or precedes it.
  return inFondsTransactie(db, async (tx) => {
    const [row] = await tx
      .insert(nalatigheden)
      .values({
        id: randomUUID(),
        trajectId: verzoek.trajectId,
        partij: verzoek.partij,
        organisatie: verzoek.organisatie.trim(),
        toelichting,
        vastgelegdOp: now.toISOString(),
        vastgelegdDoor: door,
      })
      .returning();
    for (const claim of await tx.select().from(aanvragen).where(eq(aanvragen.trajectId, verzoek.trajectId)).for('update')) {
      const vervallen = naNalatigheid({ status: claim.status, besluitOp: iso(claim.besluitOp) }, toelichting);
      if (!vervallen) continue;
      await tx
        .update(aanvragen)
        .set({ ...vervallen, besluitOp: now.toISOString(), besluitDoor, overlegInstemming: false, uitzondering: false })
        .where(and(eq(aanvragen.id, claim.id), eq(aanvragen.status, 'GOEDGEKEURD')));
    }
    return row!;
  });
}
