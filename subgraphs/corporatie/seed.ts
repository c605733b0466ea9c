/**
 * Demo data for the corporations' records (the embedded default's first start): offers under the
 * case code, three-party leases, evaluations and signals. Writes only this subgraph's own tables,
 * never its access log; does nothing when any of them already holds a row. One transaction.
 */
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../common/database.js';
import { evaluaties, huurovereenkomsten, woningaanbiedingen } from './db/tables.js';

/** The rows to write, per table (built by `scripts/demo-data`). */
export interface CorporatieSeedData {
  readonly woningaanbiedingen: (typeof woningaanbiedingen.$inferInsert)[];
  readonly huurovereenkomsten: (typeof huurovereenkomsten.$inferInsert)[];
  readonly evaluaties: (typeof evaluaties.$inferInsert)[];
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

/** Whether any corporation record exists (the demo data, or real offers and leases). */
export async function corporatieHeeftGegevens(db: Db): Promise<boolean> {
  for (const table of [woningaanbiedingen, huurovereenkomsten, evaluaties]) {
    const [row] = await db.select({ n: count() }).from(table);
    if (Number(row?.n ?? 0) > 0) return true;
  }
  return false;
}

export async function seedCorporatie(db: Db, plan: { readonly corporatie: CorporatieSeedData }): Promise<SeedResultaat> {
  const data = plan.corporatie;
  return db.transaction(async (t): Promise<SeedResultaat> => {
    const tx = t as unknown as Db;
    if (await corporatieHeeftGegevens(tx)) return { overgeslagen: true, rijen: {} };
    return {
      overgeslagen: false,
      rijen: {
        woningaanbiedingen: await inBatches(tx, woningaanbiedingen, data.woningaanbiedingen),
        huurovereenkomsten: await inBatches(tx, huurovereenkomsten, data.huurovereenkomsten),
        evaluaties: await inBatches(tx, evaluaties, data.evaluaties),
      },
    };
  });
}
