/**
 * The routeplanner's acts applied to the database: each checks the phase order, the preconditions
 * and the version (optimistic concurrency), then records the transition. Who may act, in which
 * relation and phase, the acts table decided before any of this runs (`schema/acts.ts`: the
 * subgraph's guard for mutations, `routes.ts` for the acts other subgraphs record). A refused act
 * changes nothing.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { GraphQLError } from 'graphql';
import type { Caller } from '../../../schema/context.js';
import { consentCovers } from '../../../schema/decide.js';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import { ZORGAANBIEDERS, gemeenteOrganisatie, onbekendeZorgaanbieder, regioVanGemeente, type Fase } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import { profielen, selecties, transities, trajecten, type TrajectRow } from '../db/tables.js';
import { newId, newTrajectCode } from './code.js';
import { loadCaseContexts } from './context.js';
import {
  HUUR_FEITEN,
  OVERGANGEN,
  uitkomstNaHuur,
  uitkomstToegestaan,
  type Handeling,
  type HuurBeeindiging,
  type Uitkomst,
  type Voorwaarde,
} from './transitions.js';

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

/** Loads a case an act concerns; the guard already answered a caller without relation as for this. */
export async function bestaandTraject(db: Db, id: string): Promise<TrajectRow> {
  const row = await getTraject(db, id);
  if (!row) throw weigering(ErrorCode.NIET_GEVONDEN, 'Traject niet gevonden.', { trajectId: id });
  return row;
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
  // A resident files for themself; a care provider files on their behalf only with a machtiging.
  if ((caller.partij === 'INWONER' && input.melder) || (input.melder && !input.machtigingOp)) {
    throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Een zorgaanbieder meldt alleen met machtiging van de inwoner; een inwoner meldt zichzelf.');
  }
  const zorg = input.melder ? onbekendeZorgaanbieder(input.melder) : null;
  if (zorg) throw weigering(ErrorCode.ONGELDIGE_INVOER, `Melding ongeldig: ${zorg}.`, { problemen: [zorg] });
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
          // The step is the Wmo toegang receiving the melding (routeplanner step 2). Who filed it is
          // health data and stays in the gemeente's file: history must not tell what the present hides.
          partij: 'GEMEENTE',
          organisatie: gemeenteOrganisatie(input.gemeente),
          reden: null,
          op: at,
        });
        return row;
      }
      if (attempt > 5) throw new Error('no free traject code');
    }
  });
}

/**
 * Records facts the responsible party attests (the ondersteuningsplan was signed; the lease ended
 * and how), for the checks of later transitions.
 */
export async function recordFeiten(db: Db, trajectId: string, feiten: Record<string, string>): Promise<TrajectRow> {
  await bestaandTraject(db, trajectId);
  const [row] = await db
    .update(trajecten)
    .set({ feiten: sql`${trajecten.feiten} || ${JSON.stringify(feiten)}::jsonb` })
    .where(eq(trajecten.id, trajectId))
    .returning();
  return row!;
}

/**
 * The preconditions a transition still lacks, and for those a partner can fix itself, what to fix:
 * the profile's empty fields, the care providers that may be linked.
 */
async function unmet(
  db: Db,
  t: TrajectRow,
  voorwaarden: readonly Voorwaarde[],
  extra: { zorgaanbieder?: string | null | undefined },
  now: Date,
): Promise<{ missing: Voorwaarde[]; details: Record<string, readonly string[]> }> {
  const missing: Voorwaarde[] = [];
  const details: Record<string, readonly string[]> = {};
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
        const leeg = PROFIEL_VELDEN.filter((f) => !p?.[f]);
        if (leeg.length > 0) {
          missing.push(v);
          details['ontbrekendeProfielvelden'] = leeg;
        }
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
        if (onbekendeZorgaanbieder(extra.zorgaanbieder)) {
          missing.push(v);
          details['geldigeZorgaanbieders'] = ZORGAANBIEDERS;
        }
        break;
    }
  }
  return { missing, details };
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
  /** HUUROVEREENKOMST_GETEKEND: the lease's deposit, which a guarantee-fund claim must exceed. */
  readonly borgCent?: number | null;
}

/** A case closed after housing closes with what became of the lease (DESIGN §3, outcomes). */
function checkUitkomstNaHuur(t: TrajectRow, uitkomst: Uitkomst): void {
  const beeindiging = (t.feiten[HUUR_FEITEN.BEEINDIGD] ?? null) as HuurBeeindiging | null;
  const verwacht = uitkomstNaHuur(beeindiging);
  if (uitkomst !== verwacht) {
    const huur = beeindiging ? `de huur is beëindigd (${beeindiging})` : 'de huur loopt nog';
    throw weigering('UITKOMST_PAST_NIET_BIJ_HUUR', `Uitkomst ${uitkomst} past niet bij de huur: ${huur}; de uitkomst is dan ${verwacht}.`, {
      verwacht,
    });
  }
}

/**
 * The caller acted on a version that is no longer the case's: said first, before any rule about the
 * phase, so the losers of a concurrent step learn that they lost the race (and the version to fetch),
 * not that the step is illegal from a phase they never saw.
 */
async function versieConflict(db: Pick<Db, 'select'>, trajectId: string, verstuurd: number): Promise<GraphQLError> {
  const [nu] = await db.select({ versie: trajecten.versie }).from(trajecten).where(eq(trajecten.id, trajectId));
  return weigering(ErrorCode.VERSIE_CONFLICT, `Het traject is intussen gewijzigd (versie ${nu?.versie ?? '?'}, niet ${verstuurd}); haal de nieuwe versie op.`, {
    verstuurd,
    huidigeVersie: nu?.versie ?? null,
  });
}

export async function applyHandeling(db: Db, caller: Caller, input: HandelingInput, now: Date): Promise<TrajectRow> {
  const t = await bestaandTraject(db, input.trajectId);
  if (t.versie !== input.versie) throw await versieConflict(db, t.id, input.versie);
  const overgang = OVERGANGEN[input.handeling];
  const fase = t.fase as Fase;
  if (!overgang.van.includes(fase)) {
    throw weigering(
      ErrorCode.FASEOVERGANG_ONGELDIG,
      `${input.handeling} kan niet vanuit fase ${fase}; een traject gaat alleen vooruit.`,
      { fase, handeling: input.handeling },
    );
  }
  const { missing, details } = await unmet(db, t, overgang.voorwaarden, input, now);
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
  if (input.handeling === 'AFGESLOTEN' && fase === 'GEHUISVEST') checkUitkomstNaHuur(t, input.uitkomst!);
  if (missing.length > 0) {
    const uitleg = Object.entries(details).map(([k, v]) => `; ${k}: ${v.join(', ')}`).join('');
    throw weigering(ErrorCode.VOORWAARDE_ONTBREEKT, `Niet voldaan aan: ${missing.join(', ')}${uitleg}.`, { voorwaarden: missing, ...details });
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
          ? {
              gekoppeldeZorgaanbieder: input.zorgaanbieder,
              gehuisvestOp: at,
              ...(Number.isSafeInteger(input.borgCent)
                ? { feiten: sql`${trajecten.feiten} || ${JSON.stringify({ [HUUR_FEITEN.BORG_CENT]: String(input.borgCent) })}::jsonb` }
                : {}),
            }
          : {}),
        ...(input.handeling === 'AFGESLOTEN'
          ? { uitkomst: input.uitkomst!, uitkomstToelichting: input.reden ?? null, afgeslotenOp: at }
          : {}),
      })
      .where(and(eq(trajecten.id, t.id), eq(trajecten.versie, input.versie)))
      .returning();
    if (!row) throw await versieConflict(tx, t.id, input.versie);
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
  // The case moves to the other region's team: its history says why.
  if (!reden.trim()) throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Een warme overdracht vraagt een reden.', { veld: 'reden' });
  const t = await bestaandTraject(db, trajectId);
  if (t.versie !== versie) throw await versieConflict(db, t.id, versie);
  const naar = t.regio === 'NOORD_LIMBURG' ? 'MIDDEN_LIMBURG' : 'NOORD_LIMBURG';
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(trajecten)
      .set({ regio: naar, versie: t.versie + 1 })
      .where(and(eq(trajecten.id, t.id), eq(trajecten.versie, versie)))
      .returning();
    if (!row) throw await versieConflict(tx, t.id, versie);
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

