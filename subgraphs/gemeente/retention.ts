/**
 * Retention of the gemeente's Wmo file: when the regisseur says a case's term has passed, every row
 * of that case in this subgraph goes — identity, melding, research, documents and plan. The access
 * log keeps its rows (pseudonymous reference and case id only) until its own retention.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../common/database.js';
import { inBatches, type SubgraphRetentie } from '../common/retention/types.js';
import { documenten, inwoners, meldingen, ondersteuningsplannen, onderzoeken } from './db/tables.js';

const TABELLEN = { inwoners, meldingen, onderzoeken, documenten, ondersteuningsplannen } as const;

export const gemeenteRetentie: SubgraphRetentie = {
  subgraph: 'gemeente',
  tabellen: Object.keys(TABELLEN),
  bewaard: {},
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
        const deleted = await tx.delete(table).where(inArray(table.trajectId, batch)).returning({ id: table.trajectId });
        telling[naam] += deleted.length;
      }
    }
    return telling;
  },
};
