/**
 * Shared mechanics of the demo seeds (`subgraphs/<name>/seed.ts`): all of a subgraph's rows in one
 * transaction, in batches, and nothing at all when the subgraph already holds data — so a restart
 * never duplicates or overwrites anything.
 */
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database.js';

export interface SeedResultaat {
  /** True when the subgraph already held data and nothing was written. */
  readonly overgeslagen: boolean;
  /** Rows written per table. */
  readonly rijen: Readonly<Record<string, number>>;
}

/** Rows per INSERT: well under the 65,535 bind parameters of one PostgreSQL statement. */
const PER_KEER = 200;

/** One table and its rows, in the order they must be written. */
export type SeedStap = readonly [name: string, table: PgTable, rows: readonly unknown[]];

export async function seedTables(db: Db, heeftGegevens: (db: Db) => Promise<boolean>, stappen: readonly SeedStap[]): Promise<SeedResultaat> {
  return db.transaction(async (t): Promise<SeedResultaat> => {
    const tx = t as unknown as Db;
    if (await heeftGegevens(tx)) return { overgeslagen: true, rijen: {} };
    const rijen: Record<string, number> = {};
    for (const [name, table, rows] of stappen) {
      for (let i = 0; i < rows.length; i += PER_KEER) await tx.insert(table).values(rows.slice(i, i + PER_KEER) as never);
      rijen[name] = rows.length;
    }
    return { overgeslagen: false, rijen };
  });
}
