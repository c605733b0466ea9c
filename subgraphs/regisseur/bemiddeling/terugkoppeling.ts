/**
 * The three feedback moments from regisseur to Wmo-consulent (seed 002): the conditions for
 * mediation (from the hand-over), the finished profile (from the Woonkans-overleg on) and the chosen
 * corporation and date (from the match on). Each moment only once its step has happened.
 */
import { randomUUID } from 'node:crypto';
import type { Caller } from '../../../schema/context.js';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import { FASEN, type Fase } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import { terugkoppelingen } from '../db/tables.js';
import { bestaandTraject } from '../routeplanner/acts.js';

export const TERUGKOPPEL_MOMENTEN = { VOORWAARDEN: 'BEMIDDELING', PROFIEL: 'CORPORATIEGESPREK', PLAATSING: 'HUUROVEREENKOMST' } as const satisfies Record<string, Fase>;
export type TerugkoppelMoment = keyof typeof TERUGKOPPEL_MOMENTEN;

export async function koppelTerug(db: Db, caller: Caller, trajectId: string, moment: TerugkoppelMoment, toelichting: string, now: Date) {
  const t = await bestaandTraject(db, trajectId);
  const vanaf = TERUGKOPPEL_MOMENTEN[moment];
  if (FASEN.indexOf(t.fase as Fase) < FASEN.indexOf(vanaf) || t.fase === 'AFGESLOTEN') {
    throw weigering(ErrorCode.FASEOVERGANG_ONGELDIG, `Terugkoppeling ${moment} kan vanaf fase ${vanaf}; het traject is in ${t.fase}.`, { fase: t.fase });
  }
  if (!toelichting.trim()) throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Een terugkoppeling vraagt een toelichting.');
  await db.insert(terugkoppelingen).values({ id: randomUUID(), trajectId, moment, toelichting, door: caller.organisatie, op: now.toISOString() });
  return t;
}
