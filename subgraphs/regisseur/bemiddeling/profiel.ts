/**
 * The bemiddelingsprofiel (seed 001, §4.1 format) and the selection of corporations in the chosen
 * area, with the Woonkans-overleg's outcome per corporation. Written by the region's regisseur
 * (who, and in which phase: `schema/acts.ts`).
 */
import { and, eq } from 'drizzle-orm';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import { CORPORATIES } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import { profielen, selecties } from '../db/tables.js';
import { bestaandTraject } from '../routeplanner/acts.js';

export interface ProfielInput {
  readonly geslacht?: string | null;
  readonly woonsituatie?: string | null;
  readonly huishouden?: string | null;
  readonly daginvulling?: string | null;
  readonly mobiliteit?: string | null;
  readonly sociaalNetwerk?: string | null;
  readonly socialeRedzaamheid?: string | null;
  readonly financien?: string | null;
  readonly conclusie?: string | null;
  readonly bejegeningsadvies?: string | null;
}

export async function legProfielVast(db: Db, trajectId: string, input: ProfielInput, now: Date) {
  await bestaandTraject(db, trajectId);
  const values = { ...input, gewijzigdOp: now.toISOString() };
  const [row] = await db
    .insert(profielen)
    .values({ trajectId, ...values })
    .onConflictDoUpdate({ target: profielen.trajectId, set: values })
    .returning();
  return row!;
}

export async function selecteerCorporaties(db: Db, trajectId: string, corporaties: readonly string[], now: Date) {
  await bestaandTraject(db, trajectId);
  const onbekend = corporaties.filter((c) => !(CORPORATIES as readonly string[]).includes(c));
  if (onbekend.length > 0 || corporaties.length === 0) {
    throw weigering(ErrorCode.ONGELDIGE_INVOER, `Onbekende of geen corporaties: ${onbekend.join(', ')}.`);
  }
  await db
    .insert(selecties)
    .values(corporaties.map((corporatie) => ({ trajectId, corporatie, geselecteerdOp: now.toISOString() })))
    .onConflictDoNothing();
  return db.select().from(selecties).where(eq(selecties.trajectId, trajectId));
}

export async function legOverlegUitkomstVast(
  db: Db,
  trajectId: string,
  corporatie: string,
  uitkomst: 'INTERESSE' | 'GEEN_INTERESSE',
  toelichting: string | null,
  now: Date,
) {
  await bestaandTraject(db, trajectId);
  const [row] = await db
    .update(selecties)
    .set({ overlegUitkomst: uitkomst, overlegToelichting: toelichting, besprokenOp: now.toISOString() })
    .where(and(eq(selecties.trajectId, trajectId), eq(selecties.corporatie, corporatie)))
    .returning();
  if (!row) throw weigering(ErrorCode.ONGELDIGE_INVOER, `${corporatie} is niet geselecteerd voor dit traject.`);
  return row;
}
