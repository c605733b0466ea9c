/**
 * Demo data for the gemeente's Wmo file (the embedded default's first start). Writes only this
 * subgraph's own tables, never its access log; does nothing when the file already holds a resident,
 * so a restart never duplicates or overwrites anything. One transaction: all or nothing.
 */
import { count } from 'drizzle-orm';
import type { Db } from '../common/database.js';
import { seedTables, type SeedResultaat, type SeedStap } from '../common/seed.js';
import { documenten, inwoners, meldingen, ondersteuningsplannen, onderzoeken } from './db/tables.js';

/** The rows to write, per table (built by `scripts/demo-data`). */
export interface GemeenteSeedData {
  readonly inwoners: (typeof inwoners.$inferInsert)[];
  readonly meldingen: (typeof meldingen.$inferInsert)[];
  readonly onderzoeken: (typeof onderzoeken.$inferInsert)[];
  readonly documenten: (typeof documenten.$inferInsert)[];
  readonly ondersteuningsplannen: (typeof ondersteuningsplannen.$inferInsert)[];
}

/** Whether the Wmo file already holds anyone (the demo data, or real cases). */
export async function gemeenteHeeftGegevens(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(inwoners);
  return Number(row?.n ?? 0) > 0;
}

export type { SeedResultaat };

/** This subgraph's tables in the order they must be written, with the plan's rows for each. */
export function gemeenteSeedStappen(data: GemeenteSeedData): SeedStap[] {
  return [
    ['inwoners', inwoners, data.inwoners],
    ['meldingen', meldingen, data.meldingen],
    ['onderzoeken', onderzoeken, data.onderzoeken],
    ['documenten', documenten, data.documenten],
    ['ondersteuningsplannen', ondersteuningsplannen, data.ondersteuningsplannen],
  ];
}

export async function seedGemeente(db: Db, plan: { readonly gemeente: GemeenteSeedData }): Promise<SeedResultaat> {
  return seedTables(db, gemeenteHeeftGegevens, gemeenteSeedStappen(plan.gemeente));
}
