/**
 * Conflict van plichten (seed 000, Bijlage 2): sharing without consent only when all six criteria
 * hold, recorded with a motivation, limited in fields and time, the resident marked to be informed,
 * and listed for the privacy officer's review and the yearly count.
 */
import { isNull } from 'drizzle-orm';
import type { Caller } from '../../../schema/context.js';
import { GERICHT_OP_ORGANISATIE } from '../../../schema/decide.js';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import type { Partij } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import { doorbrekingen } from '../db/tables.js';
import { newId } from '../routeplanner/code.js';
import { bestaandTraject } from '../routeplanner/acts.js';
import { doorbreekbareVelden } from './velden.js';

/** The six criteria, all of which must hold. */
export const CRITERIA = [
  'alles_gedaan_voor_toestemming_of_vragen_onverantwoord',
  'ernstige_schade_voor_ander_te_voorkomen',
  'gewetensnood_professional',
  'doorbreken_geheim_kan_schade_voorkomen',
  'geen_andere_weg',
  'zo_min_mogelijk_gedeeld',
] as const;

/** Longest an override may run before it must be recorded anew. */
export const MAX_DUUR_MS = 30 * 24 * 3600 * 1000;

export interface DoorbrekingInput {
  readonly trajectId: string;
  readonly ontvangerPartij: Partij;
  readonly ontvangerOrganisatie: string;
  readonly velden: readonly string[];
  readonly criteria: Record<string, boolean>;
  readonly motivering: string;
  readonly tot: string;
}

export async function registreerDoorbreking(db: Db, caller: Caller, input: DoorbrekingInput, now: Date) {
  await bestaandTraject(db, input.trajectId);
  const ontbrekend = CRITERIA.filter((c) => input.criteria[c] !== true);
  if (ontbrekend.length > 0) {
    throw weigering('DOORBREKING_CRITERIA_ONVOLDAAN', `Niet alle zes criteria zijn vervuld: ${ontbrekend.join(', ')}.`, {
      criteria: ontbrekend,
    });
  }
  const tot = Date.parse(input.tot);
  if (input.motivering.trim().length < 20) throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Een doorbreking vraagt een motivering.');
  if (input.velden.length === 0) throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Noem de velden die gedeeld worden.', { veld: 'velden' });
  const onbekend = input.velden.filter((v) => !doorbreekbareVelden().has(v));
  if (onbekend.length > 0) {
    throw weigering(ErrorCode.ONGELDIGE_INVOER, `Onbekende velden: ${onbekend.join(', ')}. Noem velden als Inwoner.gezondheid (type.veld, zoals in het schema).`, { veld: 'velden', onbekend });
  }
  // As for a consent (eis der gerichtheid): an override to a corporation or care provider names which one.
  if (GERICHT_OP_ORGANISATIE.has(input.ontvangerPartij) && !input.ontvangerOrganisatie.trim()) {
    throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Een doorbreking naar een corporatie of zorgaanbieder noemt de organisatie.', { veld: 'ontvangerOrganisatie' });
  }
  if (Number.isNaN(tot) || tot <= now.getTime() || tot - now.getTime() > MAX_DUUR_MS) {
    throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Een doorbreking geldt kort: hoogstens 30 dagen vanaf nu.');
  }
  const [row] = await db
    .insert(doorbrekingen)
    .values({
      id: newId(),
      trajectId: input.trajectId,
      professional: caller.sub,
      professionalOrganisatie: caller.organisatie,
      ontvangerPartij: input.ontvangerPartij,
      ontvangerOrganisatie: input.ontvangerOrganisatie,
      velden: [...input.velden],
      criteria: input.criteria,
      motivering: input.motivering,
      vanaf: now.toISOString(),
      tot: new Date(tot).toISOString(),
      inwonerGeinformeerd: false,
    })
    .returning();
  return row!;
}

/** The privacy officer's review list: overrides not yet reviewed. */
export async function teBeoordelen(db: Db) {
  return db.select().from(doorbrekingen).where(isNull(doorbrekingen.beoordeeldOp));
}
