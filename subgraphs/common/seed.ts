/**
 * Shared mechanics of the demo seeds (`subgraphs/<name>/seed.ts`): all of a subgraph's rows in one
 * transaction, in batches, and nothing at all when the subgraph already holds data — so a restart
 * never duplicates or overwrites anything.
 */
import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';

export interface SeedResultaat {
  /** True when the subgraph already held data and nothing was written. */
  readonly overgeslagen: boolean;
  /** Rows written per table. */
  readonly rijen: Readonly<Record<string, number>>;
}

/** Bind parameters per INSERT: under the 65,535 one PostgreSQL statement takes. */
const PARAMETERS_PER_INSERT = 30_000;

/** One table and its rows, in the order they must be written. */
export type SeedStap = readonly [name: string, table: PgTable, rows: readonly unknown[]];

/**
 * Writes the steps' rows in order, as multi-row INSERTs sized by the table's width. No check and no
 * transaction of its own: `seedTables` adds both for a first start, the scale loader
 * (`scripts/scale`) appends one slice of cases after another.
 */
export async function insertRows(db: Db, stappen: readonly SeedStap[]): Promise<Record<string, number>> {
  const rijen: Record<string, number> = {};
  for (const [name, table, rows] of stappen) {
    const perInsert = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / Object.keys(getTableColumns(table)).length));
    for (let i = 0; i < rows.length; i += perInsert) await db.insert(table).values(rows.slice(i, i + perInsert) as never);
    rijen[name] = rows.length;
  }
  return rijen;
}

export async function seedTables(db: Db, heeftGegevens: (db: Db) => Promise<boolean>, stappen: readonly SeedStap[]): Promise<SeedResultaat> {
  return db.transaction(async (t): Promise<SeedResultaat> => {
    const tx = t as unknown as Db;
    if (await heeftGegevens(tx)) return { overgeslagen: true, rijen: {} };
    return { overgeslagen: false, rijen: await insertRows(tx, stappen) };
  });
}
