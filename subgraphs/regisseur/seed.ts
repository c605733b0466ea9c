/**
 * Demo data for the routeplanner and the consent register (the embedded default's first start).
 * Writes only this subgraph's own tables, never its access log; does nothing when the routeplanner
 * already holds a case. One transaction. The rows carry ids, codes, phases, relations, consents and
 * mediation profiles only: no BSN, name, birth date, address or health data (DESIGN §3b).
 */
import { count } from 'drizzle-orm';
import type { Db } from '../common/database.js';
import { seedTables, type SeedResultaat, type SeedStap } from '../common/seed.js';
import {
  casusoverleggen,
  doorbrekingen,
  profielen,
  selecties,
  toestemmingGebeurtenissen,
  toestemmingen,
  transities,
  trajecten,
} from './db/tables.js';

/** The rows to write, per table (built by `scripts/demo-data`). */
export interface RegisseurSeedData {
  readonly trajecten: (typeof trajecten.$inferInsert)[];
  readonly transities: (typeof transities.$inferInsert)[];
  readonly profielen: (typeof profielen.$inferInsert)[];
  readonly selecties: (typeof selecties.$inferInsert)[];
  readonly toestemmingen: (typeof toestemmingen.$inferInsert)[];
  readonly toestemmingGebeurtenissen: (typeof toestemmingGebeurtenissen.$inferInsert)[];
  readonly casusoverleggen: (typeof casusoverleggen.$inferInsert)[];
  readonly doorbrekingen: (typeof doorbrekingen.$inferInsert)[];
}

/** Whether the routeplanner already holds a case (the demo data, or real ones). */
export async function regisseurHeeftGegevens(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(trajecten);
  return Number(row?.n ?? 0) > 0;
}

export type { SeedResultaat };

/** This subgraph's tables in the order they must be written, with the plan's rows for each. */
export function regisseurSeedStappen(data: RegisseurSeedData): SeedStap[] {
  return [
    ['trajecten', trajecten, data.trajecten],
    ['transities', transities, data.transities],
    ['profielen', profielen, data.profielen],
    ['selecties', selecties, data.selecties],
    ['toestemmingen', toestemmingen, data.toestemmingen],
    ['toestemmingGebeurtenissen', toestemmingGebeurtenissen, data.toestemmingGebeurtenissen],
    ['casusoverleggen', casusoverleggen, data.casusoverleggen],
    ['doorbrekingen', doorbrekingen, data.doorbrekingen],
  ];
}

export async function seedRegisseur(db: Db, plan: { readonly regisseur: RegisseurSeedData }): Promise<SeedResultaat> {
  return seedTables(db, regisseurHeeftGegevens, regisseurSeedStappen(plan.regisseur));
}
