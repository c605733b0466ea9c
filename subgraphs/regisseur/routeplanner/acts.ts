/**
 * The routeplanner's acts applied to the database: each checks who acts, the phase order, the
 * preconditions and the version (optimistic concurrency), then records the transition. A refused
 * act changes nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Caller } from '../../../schema/context.js';
import { consentCovers, hasRelation } from '../../../schema/decide.js';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import { relationsOf } from '../../../schema/relations.js';
import { ZORGAANBIEDERS, regioVanGemeente, type Fase } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import { profielen, selecties, transities, trajecten, type TrajectRow } from '../db/tables.js';
import { newId, newTrajectCode } from './code.js';
import { loadCaseContexts } from './context.js';
import { OVERGANGEN, sluiterVan, uitkomstToegestaan, type Feit, type Handeling, type Uitkomst, type Voorwaarde } from './transitions.js';

const PROFIEL_VELDEN = [
  'woonsituatie',
  'huishouden',
  'daginvulling',
  'mobiliteit',
  'sociaalNetwerk',
  'socialeRedzaamheid',
  'financien',
  'conclusie',
] as const;

export async function getTraject(db: Db, id: string): Promise<TrajectRow | undefined> {
  const [row] = await db.select().from(trajecten).where(eq(trajecten.id, id));
  return row;
}

/**
 * Loads a case the caller has a relation to in its current phase; otherwise answers as if it does
 * not exist (e.g. the regisseur before the hand-over).
 */
export async function trajectVoor(db: Db, caller: Caller, id: string): Promise<TrajectRow> {
  const ctx = (await loadCaseContexts(db, [id])).get(id);
  if (!ctx || !hasRelation(caller, ctx)) {
    throw weigering(ErrorCode.NIET_GEVONDEN, 'Traject niet gevonden.', { trajectId: id });
  }
  return (await getTraject(db, id))!;
}

export interface OpenInput {
  readonly trajectId: string;
  readonly gemeente: string;
  readonly betrokkene: string;
  /** The care provider that filed on the resident's behalf, with a recorded machtiging. */
  readonly melder?: string | null;
  readonly machtigingOp?: string | null;
}

/** Melding received: the case starts in MELDING, in the region of the resident's gemeente. */
export async function openTraject(db: Db, caller: Caller, input: OpenInput, now: Date): Promise<TrajectRow> {
  const regio = regioVanGemeente(input.gemeente);
  if (!regio) throw weigering(ErrorCode.ONGELDIGE_INVOER, `Onbekende gemeente: ${input.gemeente}.`);
  const allowed =
    (caller.partij === 'GEMEENTE' && caller.gemeente === input.gemeente) ||
    (caller.partij === 'INWONER' && caller.sub === input.betrokkene && !input.melder) ||
    (caller.partij === 'ZORGAANBIEDER' && input.melder === caller.organisatie && !!input.machtigingOp);
  if (!allowed) {
    throw weigering(
      ErrorCode.NIET_BEVOEGD,
      'Een melding doet de inwoner zelf, een zorgaanbieder met machtiging, of de Wmo-toegang van de eigen gemeente.',
    );
  }
  if (input.melder && !(ZORGAANBIEDERS as readonly string[]).includes(input.melder)) {
    throw weigering(ErrorCode.ONGELDIGE_INVOER, `Onbekende zorgaanbieder: ${input.melder}.`);
  }
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    for (let attempt = 0; ; attempt++) {
      const code = newTrajectCode();
      const [row] = await tx
        .insert(trajecten)
        .values({
          id: input.trajectId,
          code,
          fase: 'MELDING',
          regio,
          gemeente: input.gemeente,
          betrokkene: input.betrokkene,
          melder: input.melder ?? null,
          aangemeldOp: at,
        })
        .onConflictDoNothing({ target: trajecten.code })
        .returning();
      if (row) {
        await tx.insert(transities).values({
          id: newId(),
          trajectId: row.id,
          van: null,
          naar: 'MELDING',
          handeling: 'MELDING_ONTVANGEN',
          partij: caller.partij,
          organisatie: caller.organisatie,
          reden: input.melder ? 'melding door zorgaanbieder met machtiging' : null,
          op: at,
        });
        return row;
      }
      if (attempt > 5) throw new Error('no free traject code');
    }
  });
}

/** Records a fact the responsible party attests (e.g. the ondersteuningsplan was signed). */
export async function recordFeit(db: Db, caller: Caller, trajectId: string, feit: Feit, now: Date): Promise<TrajectRow> {
  const t = await trajectVoor(db, caller, trajectId);
  if (caller.partij !== 'GEMEENTE') throw weigering(ErrorCode.NIET_BEVOEGD, 'Alleen de Wmo-consulent van de gemeente legt dit vast.');
  if (t.fase !== 'ONDERZOEK') {
    throw weigering(ErrorCode.FASEOVERGANG_ONGELDIG, `${feit} hoort bij het onderzoek; het traject is in fase ${t.fase}.`);
  }
  const [row] = await db
    .update(trajecten)
    .set({ feiten: sql`${trajecten.feiten} || ${JSON.stringify({ [feit]: now.toISOString() })}::jsonb` })
    .where(eq(trajecten.id, trajectId))
    .returning();
  return row!;
}

async function unmet(db: Db, t: TrajectRow, voorwaarden: readonly Voorwaarde[], extra: { zorgaanbieder?: string | null | undefined }, now: Date): Promise<Voorwaarde[]> {
  const missing: Voorwaarde[] = [];
  for (const v of voorwaarden) {
    switch (v) {
      case 'ONDERSTEUNINGSPLAN_ONDERTEKEND':
      case 'DOELGROEP_BEOORDEELD':
        if (!t.feiten[v]) missing.push(v);
        break;
      case 'OVERDRACHT_TOESTEMMING': {
        const ctx = (await loadCaseContexts(db, [t.id])).get(t.id)!;
        // The hand-over consent names the regisseur (any or the region's organisation) for mediation.
        const ok = ctx.toestemmingen.some((x) => {
          const regisseur = { sub: 'routeplanner', partij: 'REGISSEUR', organisatie: x.ontvanger.organisatie ?? '' } as const;
          return consentCovers(x, regisseur, 'IDENTITEIT', 'MATCH_BEMIDDELING', now.getTime());
        });
        if (!ok) missing.push(v);
        break;
      }
      case 'PROFIEL_COMPLEET': {
        const [p] = await db.select().from(profielen).where(eq(profielen.trajectId, t.id));
        if (!p || PROFIEL_VELDEN.some((f) => !p[f])) missing.push(v);
        break;
      }
      case 'CORPORATIE_GESELECTEERD': {
        const s = await db.select().from(selecties).where(eq(selecties.trajectId, t.id));
        if (s.length === 0) missing.push(v);
        break;
      }
      case 'CORPORATIE_GEINTERESSEERD':
        break; // checked against the chosen corporation in `applyHandeling`
      case 'ZORGAANBIEDER_GEKOPPELD':
        if (!extra.zorgaanbieder || !(ZORGAANBIEDERS as readonly string[]).includes(extra.zorgaanbieder)) missing.push(v);
        break;
    }
  }
  return missing;
}

export interface HandelingInput {
  readonly trajectId: string;
  readonly handeling: Handeling;
  /** The version the caller last saw; a stale version is refused. */
  readonly versie: number;
  readonly reden?: string | null;
  readonly uitkomst?: Uitkomst | null;
  /** MATCH_AFGESPROKEN: the chosen corporation. */
  readonly corporatie?: string | null;
  /** HUUROVEREENKOMST_GETEKEND: the care provider linked at the lease. */
  readonly zorgaanbieder?: string | null;
}

export async function applyHandeling(db: Db, caller: Caller, input: HandelingInput, now: Date): Promise<TrajectRow> {
  const t = await trajectVoor(db, caller, input.trajectId);
  const overgang = OVERGANGEN[input.handeling];
  const fase = t.fase as Fase;
  if (!overgang.van.includes(fase)) {
    throw weigering(
      ErrorCode.FASEOVERGANG_ONGELDIG,
      `${input.handeling} kan niet vanuit fase ${fase}; een traject gaat alleen vooruit.`,
      { fase, handeling: input.handeling },
    );
  }
  const door = input.handeling === 'AFGESLOTEN' ? [sluiterVan(fase)] : overgang.door;
  const ctx = (await loadCaseContexts(db, [t.id])).get(t.id)!;
  const responsible =
    door.includes(caller.partij) &&
    relationsOf(caller, ctx).some((r) => (caller.partij === 'CORPORATIE' ? r === 'GEMATCHT' : true));
  if (!responsible) {
    throw weigering(ErrorCode.NIET_BEVOEGD, `${input.handeling} in fase ${fase} is een handeling van ${door.join(' of ')}.`, {
      handeling: input.handeling,
    });
  }
  const missing = await unmet(db, t, overgang.voorwaarden, input, now);
  let gematcht: string | undefined;
  if (input.handeling === 'MATCH_AFGESPROKEN') {
    const [s] = await db
      .select()
      .from(selecties)
      .where(and(eq(selecties.trajectId, t.id), eq(selecties.corporatie, input.corporatie ?? '')));
    if (!s || s.overlegUitkomst !== 'INTERESSE') missing.push('CORPORATIE_GEINTERESSEERD');
    gematcht = input.corporatie ?? undefined;
  }
  if (input.handeling === 'AFGESLOTEN' && (!input.uitkomst || !uitkomstToegestaan(input.uitkomst, fase))) {
    throw weigering(ErrorCode.ONGELDIGE_INVOER, `Uitkomst ${input.uitkomst ?? '(geen)'} past niet bij fase ${fase}.`, { fase });
  }
  if (missing.length > 0) {
    throw weigering(ErrorCode.VOORWAARDE_ONTBREEKT, `Niet voldaan aan: ${missing.join(', ')}.`, { voorwaarden: missing });
  }
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(trajecten)
      .set({
        fase: overgang.naar,
        versie: t.versie + 1,
        ...(gematcht ? { gematcht } : {}),
        ...(input.zorgaanbieder && input.handeling === 'HUUROVEREENKOMST_GETEKEND'
          ? { gekoppeldeZorgaanbieder: input.zorgaanbieder, gehuisvestOp: at }
          : {}),
        ...(input.handeling === 'AFGESLOTEN'
          ? { uitkomst: input.uitkomst!, uitkomstToelichting: input.reden ?? null, afgeslotenOp: at }
          : {}),
      })
      .where(and(eq(trajecten.id, t.id), eq(trajecten.versie, input.versie)))
      .returning();
    if (!row) {
      throw weigering(ErrorCode.VERSIE_CONFLICT, 'Het traject is intussen gewijzigd; haal de nieuwe versie op.', {
        verwacht: input.versie,
      });
    }
    await tx.insert(transities).values({
      id: newId(),
      trajectId: t.id,
      van: fase,
      naar: overgang.naar,
      handeling: input.handeling,
      partij: caller.partij,
      organisatie: caller.organisatie,
      reden: input.reden ?? null,
      op: at,
    });
    return row;
  });
}

/** Warm hand-over between the regions, by the regisseur of the current region. */
export async function warmeOverdracht(db: Db, caller: Caller, trajectId: string, versie: number, reden: string, now: Date): Promise<TrajectRow> {
  const t = await trajectVoor(db, caller, trajectId);
  if (caller.partij !== 'REGISSEUR') throw weigering(ErrorCode.NIET_BEVOEGD, 'Alleen de regisseur van de regio draagt warm over.');
  if (t.fase === 'AFGESLOTEN') throw weigering(ErrorCode.FASEOVERGANG_ONGELDIG, 'Een afgesloten traject wordt niet overgedragen.');
  const naar = t.regio === 'NOORD_LIMBURG' ? 'MIDDEN_LIMBURG' : 'NOORD_LIMBURG';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(trajecten)
      .set({ regio: naar, versie: t.versie + 1 })
      .where(and(eq(trajecten.id, t.id), eq(trajecten.versie, versie)))
      .returning();
    if (!row) throw weigering(ErrorCode.VERSIE_CONFLICT, 'Het traject is intussen gewijzigd; haal de nieuwe versie op.');
    await tx.insert(transities).values({
      id: newId(),
      trajectId: t.id,
      van: t.fase,
      naar: t.fase,
      handeling: `WARME_OVERDRACHT_${naar}`,
      partij: caller.partij,
      organisatie: caller.organisatie,
      reden,
      op: now.toISOString(),
    });
    return row;
  });
}

