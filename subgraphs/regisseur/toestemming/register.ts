/**
 * The consent register (DESIGN §3, seed 000 Bijlage 3). A consent is a record with a history of
 * events, never overwritten. It is recorded by the Wmo-consulent or the regisseur — never by a
 * corporation, because consent given to one's landlord is rarely free — and it may not be a
 * condition for getting a home.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Caller } from '../../../schema/context.js';
import { GERICHT_OP_ORGANISATIE } from '../../../schema/decide.js';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import { DOELEN, GEGEVENSCATEGORIEEN, PARTIJEN, type Doel, type Gegevenscategorie, type Ondertekenaar, type Partij } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import { toestemmingGebeurtenissen, toestemmingen, type ToestemmingRow } from '../db/tables.js';
import { newId } from '../routeplanner/code.js';
import { bestaandTraject } from '../routeplanner/acts.js';

const EEN_JAAR_MS = 366 * 24 * 3600 * 1000;

export interface ToestemmingInput {
  readonly trajectId: string;
  readonly ontvangerPartij: Partij;
  readonly ontvangerOrganisatie?: string | null;
  readonly casusoverlegId?: string | null;
  readonly categorieen: readonly Gegevenscategorie[];
  readonly doel: Doel;
  readonly richting: 'VERKRIJGEN' | 'VERSTREKKEN';
  readonly gegevenOp: string;
  readonly geldigTot: string;
  /** `INWONER` or `WETTELIJK_VERTEGENWOORDIGER`: who signed the form. */
  readonly ondertekendDoor: Ondertekenaar;
  /** Must be false: consent is never a condition for a home ("geen ruilmiddel"). */
  readonly voorwaardeVoorWoning?: boolean | null;
}

export function validateToestemming(input: ToestemmingInput, now: Date): string[] {
  const problems: string[] = [];
  const given = Date.parse(input.gegevenOp);
  const until = Date.parse(input.geldigTot);
  if (!PARTIJEN.includes(input.ontvangerPartij)) problems.push('onbekende ontvanger');
  if (GERICHT_OP_ORGANISATIE.has(input.ontvangerPartij) && !input.ontvangerOrganisatie?.trim()) {
    problems.push('een toestemming aan een corporatie of zorgaanbieder noemt de organisatie (eis der gerichtheid)');
  }
  if (input.categorieen.length === 0) problems.push('geen gegevenscategorieën');
  for (const c of input.categorieen) if (!GEGEVENSCATEGORIEEN.includes(c)) problems.push(`onbekende categorie ${c}`);
  if (!DOELEN.includes(input.doel)) problems.push('onbekend doel');
  if (Number.isNaN(given) || Number.isNaN(until)) problems.push('ongeldige datum');
  else {
    if (until <= given) problems.push('geldig tot ligt niet na gegeven op');
    if (until - given > EEN_JAAR_MS) problems.push('een toestemming geldt hoogstens één jaar');
    if (given > now.getTime() + 60_000) problems.push('gegeven op ligt in de toekomst');
  }
  if (input.voorwaardeVoorWoning) problems.push('toestemming mag geen voorwaarde zijn voor een woning (geen ruilmiddel)');
  return problems;
}

async function event(db: Db, toestemmingId: string, soort: string, caller: Caller, now: Date, toelichting?: string | null, inhoud?: unknown) {
  await db.insert(toestemmingGebeurtenissen).values({
    id: newId(),
    toestemmingId,
    soort,
    op: now.toISOString(),
    door: caller.organisatie,
    toelichting: toelichting ?? null,
    inhoud: inhoud ?? null,
  });
}

export async function registreerToestemming(db: Db, caller: Caller, input: ToestemmingInput, now: Date): Promise<ToestemmingRow> {
  await bestaandTraject(db, input.trajectId);
  const problems = validateToestemming(input, now);
  if (problems.length > 0) throw weigering(ErrorCode.TOESTEMMING_ONGELDIG, `Toestemming ongeldig: ${problems.join('; ')}.`, { problemen: problems });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(toestemmingen)
      .values({
        id: newId(),
        trajectId: input.trajectId,
        ontvangerPartij: input.ontvangerPartij,
        ontvangerOrganisatie: input.ontvangerOrganisatie ?? null,
        casusoverlegId: input.casusoverlegId ?? null,
        categorieen: [...input.categorieen],
        doel: input.doel,
        richting: input.richting,
        gegevenOp: new Date(input.gegevenOp).toISOString(),
        geldigTot: new Date(input.geldigTot).toISOString(),
        vastgelegdDoor: caller.organisatie,
        ondertekendDoor: input.ondertekendDoor,
      })
      .returning();
    await event(tx as unknown as Db, row!.id, 'GEGEVEN', caller, now, null, input);
    return row!;
  });
}

/** Whose case a consent belongs to: how the acts guard finds the case of a withdrawal. */
export async function trajectVanToestemming(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ trajectId: toestemmingen.trajectId }).from(toestemmingen).where(eq(toestemmingen.id, id));
  return row?.trajectId ?? null;
}

/**
 * Withdrawal (by the resident, recorded by gemeente or regisseur, or by the resident themself) or
 * an objection: effective at once, for the next request. Objection wins over any overlapping consent.
 */
export async function trekToestemmingIn(
  db: Db,
  caller: Caller,
  id: string,
  soort: 'INGETROKKEN' | 'BEZWAAR',
  toelichting: string | null,
  now: Date,
): Promise<ToestemmingRow> {
  const [row] = await db.select().from(toestemmingen).where(eq(toestemmingen.id, id));
  if (!row) throw weigering(ErrorCode.NIET_GEVONDEN, 'Toestemming niet gevonden.');
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(toestemmingen)
      .set({ ingetrokkenOp: now.toISOString() })
      .where(and(eq(toestemmingen.id, id), isNull(toestemmingen.ingetrokkenOp)))
      .returning();
    await event(tx as unknown as Db, id, soort, caller, now, toelichting);
    return updated ?? row;
  });
}

export async function gebeurtenissen(db: Db, toestemmingId: string) {
  return db.select().from(toestemmingGebeurtenissen).where(eq(toestemmingGebeurtenissen.toestemmingId, toestemmingId));
}
