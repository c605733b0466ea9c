/**
 * Demo data for the corporations' records (the embedded default's first start): offers under the
 * case code, three-party leases, evaluations and signals. Writes only this subgraph's own tables,
 * never its access log; does nothing when any of them already holds a row. One transaction.
 */
import { count } from 'drizzle-orm';
import type { Db } from '../common/database.js';
import { seedTables, type SeedResultaat, type SeedStap } from '../common/seed.js';
import { evaluaties, huurovereenkomsten, woningaanbiedingen } from './db/tables.js';

/** The rows to write, per table (built by `scripts/demo-data`). */
export interface CorporatieSeedData {
  readonly woningaanbiedingen: (typeof woningaanbiedingen.$inferInsert)[];
  readonly huurovereenkomsten: (typeof huurovereenkomsten.$inferInsert)[];
  readonly evaluaties: (typeof evaluaties.$inferInsert)[];
}

/** Whether any corporation record exists (the demo data, or real offers and leases). */
export async function corporatieHeeftGegevens(db: Db): Promise<boolean> {
  for (const table of [woningaanbiedingen, huurovereenkomsten, evaluaties]) {
    const [row] = await db.select({ n: count() }).from(table);
    if (Number(row?.n ?? 0) > 0) return true;
  }
  return false;
}

export type { SeedResultaat };

/** This subgraph's tables in the order they must be written, with the plan's rows for each. */
export function corporatieSeedStappen(data: CorporatieSeedData): SeedStap[] {
  return [
    ['woningaanbiedingen', woningaanbiedingen, data.woningaanbiedingen],
    ['huurovereenkomsten', huurovereenkomsten, data.huurovereenkomsten],
    ['evaluaties', evaluaties, data.evaluaties],
  ];
}

export async function seedCorporatie(db: Db, plan: { readonly corporatie: CorporatieSeedData }): Promise<SeedResultaat> {
  return seedTables(db, corporatieHeeftGegevens, corporatieSeedStappen(plan.corporatie));
}
