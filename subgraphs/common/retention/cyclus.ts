/**
 * One retention run. Two shapes, the same steps:
 *
 * - `voerRetentieUit` — embedded (`npm run retention`, or the one-process service): the regisseur's
 *   tables say which cases expired; every other subgraph deletes its rows of those cases, each in
 *   its own transaction; only when all succeeded does the regisseur delete its own, last (it is the
 *   only one that can tell which cases expired, so it must not forget a case before the others did).
 * - `voerSubgraphRetentieUit` — one subgraph deployed on its own: it asks the regisseur about the
 *   case ids it holds (`VerlopenBron`: a function when the regisseur is local, else the regisseur's
 *   authenticated `POST /bewaartermijn`) and deletes the expired ones.
 *
 * Then each log runs its own retention (`logboek-retentie.ts`). The report holds counts per table,
 * never contents; a failing subgraph is reported by name and its error goes to the operator's log.
 */
import type { Db } from '../database.js';
import type { LogboekLezer } from '../logboek/resolvers.js';
import { logboekRetentie, type LogboekRetentieRapport } from './logboek-retentie.js';
import { TERMIJN_MET_WOONKANS_JAREN } from './termijnen.js';
import { inBatches, type SubgraphRetentie, type Telling, type VerlopenBron } from './types.js';

export interface RetentieDeelnemer {
  readonly retentie: SubgraphRetentie;
  readonly db: Db;
  readonly logboek: LogboekLezer;
}

/** The regisseur's verdict on every case it holds (see `subgraphs/regisseur/retention.ts`). */
export interface Termijnbeoordeling {
  readonly verlopen: readonly { readonly id: string; readonly termijnJaren: number }[];
  readonly zonderAfsluitdatum: readonly string[];
}

export interface RetentieRapport {
  readonly tijdstip: string;
  /** A dry run counts what would go and rolls every deletion back; the logs are not touched. */
  readonly droog: boolean;
  readonly verlopen: { readonly totaal: number; readonly zonderWoonkans: number; readonly metWoonkans: number };
  /** Closed cases without a closing moment: kept, and someone should look at them. */
  readonly zonderAfsluitdatum: number;
  /** Per subgraph, per table: rows deleted. */
  readonly verwijderd: Readonly<Record<string, Telling>>;
  /** Subgraphs whose deletion failed (nothing of theirs was deleted: one transaction each). */
  readonly mislukt: readonly string[];
  readonly logboek: Readonly<Record<string, LogboekRetentieRapport>>;
}

export interface RetentieOptions {
  readonly now: Date;
  readonly droog?: boolean;
  /** Where errors go (never into the report). @default console.error */
  readonly logError?: (message: string, error: unknown) => void;
  /** Passed on to the log retention (tests). */
  readonly segmentDagen?: number;
}

class Terugdraaien extends Error {
  constructor(readonly telling: Telling) {
    super('droog: terugdraaien');
  }
}

/** Deletes in one transaction; a dry run rolls back after counting. */
async function verwijder(deelnemer: RetentieDeelnemer, ids: readonly string[], droog: boolean): Promise<Telling> {
  try {
    return await deelnemer.db.transaction(async (tx) => {
      const telling = await deelnemer.retentie.verwijder(tx as unknown as Db, ids);
      if (droog) throw new Terugdraaien(telling);
      return telling;
    });
  } catch (error) {
    if (error instanceof Terugdraaien) return error.telling;
    throw error;
  }
}

export interface EmbeddedRetentieOptions extends RetentieOptions {
  readonly regisseur: RetentieDeelnemer;
  readonly anderen: readonly RetentieDeelnemer[];
  /** The regisseur's verdict at `now`. */
  readonly beoordeel: (now: Date) => Promise<Termijnbeoordeling>;
  /** Which of these ids the regisseur still holds (after deletion): they hold their log segments. */
  readonly inGebruik: (ids: readonly string[]) => Promise<ReadonlySet<string>>;
}

export async function voerRetentieUit(options: EmbeddedRetentieOptions): Promise<RetentieRapport> {
  const { now, regisseur, anderen } = options;
  const droog = options.droog ?? false;
  const logError = options.logError ?? ((m, e) => console.error(m, e));
  const oordeel = await options.beoordeel(now);
  const ids = oordeel.verlopen.map((v) => v.id);
  const verwijderd: Record<string, Telling> = {};
  const mislukt: string[] = [];
  for (const deelnemer of anderen) {
    try {
      verwijderd[deelnemer.retentie.subgraph] = await verwijder(deelnemer, ids, droog);
    } catch (error) {
      mislukt.push(deelnemer.retentie.subgraph);
      logError(`[retentie] ${deelnemer.retentie.subgraph}: verwijderen mislukt; niets van deze subgraph verwijderd`, error);
    }
  }
  if (mislukt.length === 0) {
    try {
      verwijderd[regisseur.retentie.subgraph] = await verwijder(regisseur, ids, droog);
    } catch (error) {
      mislukt.push(regisseur.retentie.subgraph);
      logError('[retentie] regisseur: verwijderen mislukt', error);
    }
  } else {
    logError(`[retentie] regisseur bewaart de verlopen trajecten tot ${mislukt.join(', ')} ze ook verwijderd heeft`, null);
  }
  const logboek: Record<string, LogboekRetentieRapport> = {};
  if (!droog) {
    for (const deelnemer of [...anderen, regisseur]) {
      try {
        logboek[deelnemer.retentie.subgraph] = await logboekRetentie({
          db: deelnemer.db,
          ...deelnemer.logboek,
          now,
          inGebruik: options.inGebruik,
          ...(options.segmentDagen !== undefined ? { segmentDagen: options.segmentDagen } : {}),
        });
      } catch (error) {
        mislukt.push(`${deelnemer.retentie.subgraph}:logboek`);
        logError(`[retentie] ${deelnemer.retentie.subgraph}: logboekretentie mislukt`, error);
      }
    }
  }
  const metWoonkans = oordeel.verlopen.filter((v) => v.termijnJaren === TERMIJN_MET_WOONKANS_JAREN).length;
  return {
    tijdstip: now.toISOString(),
    droog,
    verlopen: { totaal: ids.length, zonderWoonkans: ids.length - metWoonkans, metWoonkans },
    zonderAfsluitdatum: oordeel.zonderAfsluitdatum.length,
    verwijderd,
    mislukt,
    logboek,
  };
}

export interface SubgraphRetentieOptions extends RetentieOptions {
  readonly deelnemer: RetentieDeelnemer;
  /** The regisseur's answer about the ids this subgraph holds. */
  readonly bron: VerlopenBron;
}

export interface SubgraphRetentieRapport {
  readonly tijdstip: string;
  readonly droog: boolean;
  readonly subgraph: string;
  readonly verlopen: number;
  readonly verwijderd: Telling;
  readonly logboek: LogboekRetentieRapport | null;
}

/** Retention of one subgraph on its own; throws when the regisseur cannot be asked (nothing deleted). */
export async function voerSubgraphRetentieUit(options: SubgraphRetentieOptions): Promise<SubgraphRetentieRapport> {
  const { now, deelnemer, bron } = options;
  const droog = options.droog ?? false;
  const verlopen: string[] = [];
  for (const batch of inBatches(await deelnemer.retentie.trajectIds(deelnemer.db))) {
    verlopen.push(...(await bron(batch)).verlopen);
  }
  const verwijderd = await verwijder(deelnemer, verlopen, droog);
  const inGebruik = async (ids: readonly string[]) => {
    const held = new Set<string>();
    for (const batch of inBatches(ids)) {
      const answer = await bron(batch);
      for (const id of [...answer.verlopen, ...answer.lopend]) held.add(id);
    }
    return held;
  };
  const logboek = droog
    ? null
    : await logboekRetentie({
        db: deelnemer.db,
        ...deelnemer.logboek,
        now,
        inGebruik,
        ...(options.segmentDagen !== undefined ? { segmentDagen: options.segmentDagen } : {}),
      });
  return { tijdstip: now.toISOString(), droog, subgraph: deelnemer.retentie.subgraph, verlopen: verlopen.length, verwijderd, logboek };
}
