/**
 * Retention of the guarantee fund: a claim (its form, by case code) and a recorded negligence go
 * with their case. The money stays: the ledger, the rounds, the contributions and the parties carry
 * no case data (a payout names only the claim's opaque id and the corporation) and the fund must
 * account for every cent (DESIGN §4; the ledger is append-only). Fiscal retention (7 years) ends
 * before a claim's case expires: claims follow a lease, so the 15-year term applies.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../common/database.js';
import { inBatches, type SubgraphRetentie } from '../common/retention/types.js';
import { aanvragen, nalatigheden } from './db/tables.js';

const TABELLEN = { aanvragen, nalatigheden } as const;

export const garantiefondsRetentie: SubgraphRetentie = {
  subgraph: 'garantiefonds',
  tabellen: Object.keys(TABELLEN),
  bewaard: {
    deelnemers: 'the fund’s parties: organisations, no case data',
    bijdrageronden: 'calls for contributions: organisations and amounts, no case data',
    bijdragen: 'contributions of organisations, no case data',
    grootboek: 'the ledger is append-only: every mutation of money stays traceable; a payout names only the claim id',
  },
  async trajectIds(db: Db) {
    const ids = new Set<string>();
    for (const table of Object.values(TABELLEN)) {
      for (const row of await db.selectDistinct({ id: table.trajectId }).from(table)) ids.add(row.id);
    }
    return [...ids];
  },
  async verwijder(tx: Db, ids: readonly string[]) {
    const telling: Record<string, number> = {};
    for (const [naam, table] of Object.entries(TABELLEN)) {
      telling[naam] = 0;
      for (const batch of inBatches(ids)) {
        telling[naam] += (await tx.delete(table).where(inArray(table.trajectId, batch)).returning({ id: table.id })).length;
      }
    }
    return telling;
  },
};
