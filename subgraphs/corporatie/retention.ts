/**
 * Retention of the corporations' Woonkans records: offers, the three-party lease and the
 * evaluations of a case go when the regisseur says its term has passed. (A corporation's own
 * tenancy administration outside Woonkans is not in this subgraph.) The access log keeps its rows.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../common/database.js';
import { inBatches, type SubgraphRetentie } from '../common/retention/types.js';
import { evaluaties, huurovereenkomsten, woningaanbiedingen } from './db/tables.js';

const TABELLEN = { woningaanbiedingen, huurovereenkomsten, evaluaties } as const;

export const corporatieRetentie: SubgraphRetentie = {
  subgraph: 'corporatie',
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
