/**
 * Demo data for the gemeente's Wmo file (the embedded default's first start). Writes only this
 * subgraph's own tables, never its access log; does nothing when the file already holds a resident,
 * so a restart never duplicates or overwrites anything. One transaction: all or nothing.
 */
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../common/database.js';
import { documenten, inwoners, meldingen, ondersteuningsplannen, onderzoeken } from './db/tables.js';

/** The rows to write, per table (built by `scripts/demo-data`). */
export interface GemeenteSeedData {
  readonly inwoners: (typeof inwoners.$inferInsert)[];
  readonly meldingen: (typeof meldingen.$inferInsert)[];
  readonly onderzoeken: (typeof onderzoeken.$inferInsert)[];
  readonly documenten: (typeof documenten.$inferInsert)[];
  readonly ondersteuningsplannen: (typeof ondersteuningsplannen.$inferInsert)[];
}

export interface SeedResultaat {
  /** True when the subgraph already held data and nothing was written. */
  readonly overgeslagen: boolean;
  /** Rows written per table. */
  readonly rijen: Readonly<Record<string, number>>;
}

/** Rows per INSERT: well under the 65,535 bind parameters of one PostgreSQL statement. */
const PER_KEER = 200;

async function inBatches<T extends PgTable>(db: Db, table: T, rows: readonly T['$inferInsert'][]): Promise<number> {
  for (let i = 0; i < rows.length; i += PER_KEER) await db.insert(table).values(rows.slice(i, i + PER_KEER) as T['$inferInsert'][]);
  return rows.length;
}

/** Whether the Wmo file already holds anyone (the demo data, or real cases). */
export async function gemeenteHeeftGegevens(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(inwoners);
  return Number(row?.n ?? 0) > 0;
}

export async function seedGemeente(db: Db, plan: { readonly gemeente: GemeenteSeedData }): Promise<SeedResultaat> {
  const data = plan.gemeente;
  return db.transaction(async (t): Promise<SeedResultaat> => {
    const tx = t as unknown as Db;
    if (await gemeenteHeeftGegevens(tx)) return { overgeslagen: true, rijen: {} };
    return {
      overgeslagen: false,
      rijen: {
        inwoners: await inBatches(tx, inwoners, data.inwoners),
        meldingen: await inBatches(tx, meldingen, data.meldingen),
        onderzoeken: await inBatches(tx, onderzoeken, data.onderzoeken),
        documenten: await inBatches(tx, documenten, data.documenten),
        ondersteuningsplannen: await inBatches(tx, ondersteuningsplannen, data.ondersteuningsplannen),
      },
    };
  });
}
