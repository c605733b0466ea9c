/**
 * Demo data for the routeplanner and the consent register (the embedded default's first start).
 * Writes only this subgraph's own tables, never its access log; does nothing when the routeplanner
 * already holds a case. One transaction. The rows carry ids, codes, phases, relations, consents and
 * mediation profiles only: no BSN, name, birth date, address or health data (DESIGN §3b).
 */
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../common/database.js';
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

/** Whether the routeplanner already holds a case (the demo data, or real ones). */
export async function regisseurHeeftGegevens(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(trajecten);
  return Number(row?.n ?? 0) > 0;
}

export async function seedRegisseur(db: Db, plan: { readonly regisseur: RegisseurSeedData }): Promise<SeedResultaat> {
  const data = plan.regisseur;
  return db.transaction(async (t): Promise<SeedResultaat> => {
    const tx = t as unknown as Db;
    if (await regisseurHeeftGegevens(tx)) return { overgeslagen: true, rijen: {} };
    return {
      overgeslagen: false,
      rijen: {
        trajecten: await inBatches(tx, trajecten, data.trajecten),
        transities: await inBatches(tx, transities, data.transities),
        profielen: await inBatches(tx, profielen, data.profielen),
        selecties: await inBatches(tx, selecties, data.selecties),
        toestemmingen: await inBatches(tx, toestemmingen, data.toestemmingen),
        toestemmingGebeurtenissen: await inBatches(tx, toestemmingGebeurtenissen, data.toestemmingGebeurtenissen),
        casusoverleggen: await inBatches(tx, casusoverleggen, data.casusoverleggen),
        doorbrekingen: await inBatches(tx, doorbrekingen, data.doorbrekingen),
      },
    };
  });
}
