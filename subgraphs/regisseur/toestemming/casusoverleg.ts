/**
 * Casusoverleg (seed 000, Bijlage 2): a professional asks for it with goal, necessity, participants
 * and the strictly necessary data; the Voorzitter decides; then, with the resident's targeted
 * consent, the participants may see exactly the agreed data until the agreed end.
 */
import { eq } from 'drizzle-orm';
import type { Caller } from '../../../schema/context.js';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import type { Doel, Gegevenscategorie } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import { casusoverleggen } from '../db/tables.js';
import { newId } from '../routeplanner/code.js';
import { bestaandTraject } from '../routeplanner/acts.js';
import { registreerToestemming } from './register.js';

export interface CasusoverlegAanvraag {
  readonly trajectId: string;
  readonly doel: string;
  readonly noodzaak: string;
  readonly deelnemers: readonly { partij: string; organisatie: string }[];
  readonly categorieen: readonly Gegevenscategorie[];
}

export async function vraagCasusoverlegAan(db: Db, caller: Caller, input: CasusoverlegAanvraag, now: Date) {
  await bestaandTraject(db, input.trajectId);
  if (!input.doel.trim() || !input.noodzaak.trim() || input.deelnemers.length === 0 || input.categorieen.length === 0) {
    throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Een casusoverleg vraagt doel, noodzaak, deelnemers en de strikt noodzakelijke gegevens.');
  }
  const [row] = await db
    .insert(casusoverleggen)
    .values({
      id: newId(),
      trajectId: input.trajectId,
      aangevraagdDoor: caller.organisatie,
      doel: input.doel,
      noodzaak: input.noodzaak,
      deelnemers: [...input.deelnemers],
      categorieen: [...input.categorieen],
      status: 'AANGEVRAAGD',
      aangevraagdOp: now.toISOString(),
    })
    .returning();
  return row!;
}

export interface CasusoverlegBesluit {
  readonly id: string;
  readonly akkoord: boolean;
  readonly toelichting: string;
  /** Until when participants may see the agreed data. */
  readonly tot: string;
  /** The resident's targeted consent: recorded before anything is shared. */
  readonly toestemmingInwoner: { gegevenOp: string; ondertekendDoor: 'INWONER' | 'WETTELIJK_VERTEGENWOORDIGER'; doel: Doel } | null;
}

/** Whose case a conference is about: how the acts guard finds the case of a decision. */
export async function trajectVanCasusoverleg(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ trajectId: casusoverleggen.trajectId }).from(casusoverleggen).where(eq(casusoverleggen.id, id));
  return row?.trajectId ?? null;
}

/** The Voorzitter decides; on approval one consent per participant is recorded, limited in time. */
export async function besluitCasusoverleg(db: Db, caller: Caller, besluit: CasusoverlegBesluit, now: Date) {
  // The Voorzitter's decision is reviewed by the privacy officer: it says why.
  if (!besluit.toelichting.trim()) throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Een besluit over een casusoverleg vraagt een toelichting.', { veld: 'input.toelichting' });
  const [overleg] = await db.select().from(casusoverleggen).where(eq(casusoverleggen.id, besluit.id));
  if (!overleg) throw weigering(ErrorCode.NIET_GEVONDEN, 'Casusoverleg niet gevonden.');
  if (overleg.status !== 'AANGEVRAAGD') throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Over dit casusoverleg is al besloten.');
  if (besluit.akkoord && !besluit.toestemmingInwoner) {
    throw weigering(ErrorCode.TOESTEMMING_ONGELDIG, 'Zonder gerichte toestemming van de inwoner worden geen gegevens gedeeld in het casusoverleg.');
  }
  if (besluit.akkoord && besluit.toestemmingInwoner) {
    for (const d of overleg.deelnemers) {
      await registreerToestemming(
        db,
        caller,
        {
          trajectId: overleg.trajectId,
          ontvangerPartij: d.partij as never,
          ontvangerOrganisatie: d.organisatie,
          casusoverlegId: overleg.id,
          categorieen: overleg.categorieen as Gegevenscategorie[],
          doel: besluit.toestemmingInwoner.doel,
          richting: 'VERSTREKKEN',
          gegevenOp: besluit.toestemmingInwoner.gegevenOp,
          geldigTot: besluit.tot,
          ondertekendDoor: besluit.toestemmingInwoner.ondertekendDoor,
        },
        now,
      );
    }
  }
  const [row] = await db
    .update(casusoverleggen)
    .set({
      status: besluit.akkoord ? 'AKKOORD' : 'AFGEWEZEN',
      besluitToelichting: besluit.toelichting,
      besluitDoor: caller.organisatie,
      tot: besluit.akkoord ? new Date(besluit.tot).toISOString() : null,
    })
    .where(eq(casusoverleggen.id, overleg.id))
    .returning();
  return row!;
}
