/**
 * The contract between the retention cycle and the subgraphs: the regisseur tells which cases
 * expired (it holds the closing moments and the transitions); every subgraph deletes its own rows
 * of those cases, and reports counts per table — never contents.
 */
import { inArray } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../database.js';

/** The regisseur's answer about a batch of case ids the asking subgraph holds. */
export interface VerlopenAntwoord {
  /** Cases whose term has passed: delete them. */
  readonly verlopen: readonly string[];
  /** Cases the regisseur still holds and that have not expired (open, or closed within the term). */
  readonly lopend: readonly string[];
}

/**
 * Asks the regisseur about `kandidaten` (ids the asker already holds, so nothing new is revealed).
 * Embedded it is a function over the regisseur's tables; deployed apart, an authenticated route.
 */
export type VerlopenBron = (kandidaten: readonly string[]) => Promise<VerlopenAntwoord>;

/** Per table, the number of rows deleted. */
export type Telling = Readonly<Record<string, number>>;

/** One subgraph's part of retention, in its own `subgraphs/<name>/retention.ts`. */
export interface SubgraphRetentie {
  readonly subgraph: string;
  /** The subgraph's own tables with case data that retention deletes (guard-tested against the schema). */
  readonly tabellen: readonly string[];
  /** Tables deliberately not touched by case retention, each with the reason. */
  readonly bewaard: Readonly<Record<string, string>>;
  /** Every case id this subgraph holds rows for. */
  trajectIds(db: Db): Promise<string[]>;
  /** Deletes the rows of `ids` from every table in `tabellen`; run inside the caller's transaction. */
  verwijder(tx: Db, ids: readonly string[]): Promise<Telling>;
}

/** Batches of ids per statement and per question to the regisseur. */
export const BATCH = 500;

export function inBatches<T>(items: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A table keyed by case: every case-data table of the gemeente, corporatie and garantiefonds. */
type PerTrajectTabel = PgTable & { trajectId: AnyPgColumn };

/**
 * The common shape of a subgraph's retention: its case tables, deleted by `traject_id`, in order.
 * Each subgraph names its tables (and what it keeps, with the reason); the mechanics are shared.
 */
export function retentieVanTabellen(
  subgraph: string,
  tabellen: Readonly<Record<string, PerTrajectTabel>>,
  bewaard: Readonly<Record<string, string>> = {},
): SubgraphRetentie {
  return {
    subgraph,
    tabellen: Object.keys(tabellen),
    bewaard,
    async trajectIds(db: Db) {
      const ids = new Set<string>();
      for (const table of Object.values(tabellen)) {
        for (const row of (await db.selectDistinct({ id: table.trajectId }).from(table as PgTable)) as { id: string }[]) ids.add(row.id);
      }
      return [...ids];
    },
    async verwijder(tx: Db, ids: readonly string[]) {
      const telling: Record<string, number> = {};
      for (const [naam, table] of Object.entries(tabellen)) {
        telling[naam] = 0;
        for (const batch of inBatches(ids)) {
          telling[naam] += (await tx.delete(table).where(inArray(table.trajectId, batch)).returning({ id: table.trajectId })).length;
        }
      }
      return telling;
    },
  };
}
