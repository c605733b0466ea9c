/**
 * The regisseur's sources for the log's entry points (`RegisseurVerantwoording`): read from its own
 * routeplanner and registers, handed to the shared log by `subgraphs/assemble.ts`.
 */
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../common/database.js';
import type { RegisseurVerantwoording } from '../common/logboek/regisseur-bronnen.js';
import { jaarGrenzen } from '../common/logboek/queries.js';
import { doorbrekingen, toestemmingGebeurtenissen, trajecten } from './db/tables.js';

export function regisseurVerantwoording(db: Db): RegisseurVerantwoording {
  return {
    async trajectenVan(betrokkene) {
      return db
        .select({ id: trajecten.id, code: trajecten.code })
        .from(trajecten)
        .where(eq(trajecten.betrokkene, betrokkene))
        .orderBy(asc(trajecten.aangemeldOp), asc(trajecten.id));
    },

    async doorbrekingenJaarverslag(jaar) {
      const { van, tot } = jaarGrenzen(jaar);
      const rows = await db
        .select({
          trajectId: doorbrekingen.trajectId,
          ontvangerPartij: doorbrekingen.ontvangerPartij,
          criteria: doorbrekingen.criteria,
          inwonerGeinformeerd: doorbrekingen.inwonerGeinformeerd,
          beoordeeldOp: doorbrekingen.beoordeeldOp,
        })
        .from(doorbrekingen)
        .where(and(gte(doorbrekingen.vanaf, van.toISOString()), lt(doorbrekingen.vanaf, tot.toISOString())));
      const bezwaren = await db
        .select({ id: toestemmingGebeurtenissen.id })
        .from(toestemmingGebeurtenissen)
        .where(
          and(
            eq(toestemmingGebeurtenissen.soort, 'BEZWAAR'),
            gte(toestemmingGebeurtenissen.op, van.toISOString()),
            lt(toestemmingGebeurtenissen.op, tot.toISOString()),
          ),
        );
      const tel = (keys: string[]) => {
        const counts = new Map<string, number>();
        for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
        return [...counts].sort(([a], [b]) => a.localeCompare(b));
      };
      const beoordeeld = rows.filter((r) => r.beoordeeldOp).length;
      return {
        jaar,
        doorbrekingen: rows.length,
        trajecten: new Set(rows.map((r) => r.trajectId)).size,
        perOntvanger: tel(rows.map((r) => r.ontvangerPartij)).map(([partij, aantal]) => ({ partij, aantal })),
        criteria: tel(rows.flatMap((r) => Object.entries(r.criteria ?? {}).filter(([, met]) => met === true).map(([c]) => c))).map(
          ([criterium, aantal]) => ({ criterium, aantal }),
        ),
        inwonerGeinformeerd: rows.filter((r) => r.inwonerGeinformeerd).length,
        beoordeeld,
        terBeoordeling: rows.length - beoordeeld,
        bezwaren: bezwaren.length,
      };
    },
  };
}
