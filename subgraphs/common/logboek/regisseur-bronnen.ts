/**
 * What only the regisseur can tell the log's read side, because it holds the routeplanner and the
 * registers: the resident's cases (for `Query.mijnInzage`) and the yearly account of overrides and
 * objections (seed 004: "the number of such decisions, their grounds and the objections are
 * reported yearly"). Counts and metadata only — never the motivation text, which may name people.
 *
 * This reads the regisseur's tables and is wired in only for the regisseur (`subgraphs/assemble.ts`).
 */
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { Db } from '../database.js';
import { doorbrekingen, toestemmingGebeurtenissen, trajecten } from '../../regisseur/db/tables.js';
import { jaarGrenzen } from './queries.js';

export interface PerSoort {
  readonly partij: string;
  readonly aantal: number;
}

export interface DoorbrekingenJaarverslag {
  readonly jaar: number;
  readonly doorbrekingen: number;
  readonly trajecten: number;
  readonly perOntvanger: readonly PerSoort[];
  readonly criteria: readonly { readonly criterium: string; readonly aantal: number }[];
  readonly inwonerGeinformeerd: number;
  readonly beoordeeld: number;
  readonly terBeoordeling: number;
  readonly bezwaren: number;
}

/** The regisseur's sources for the log's entry points. */
export interface RegisseurVerantwoording {
  /** The cases whose data subject is `betrokkene` (the resident's login subject), oldest first. */
  trajectenVan(betrokkene: string): Promise<{ id: string; code: string }[]>;
  doorbrekingenJaarverslag(jaar: number): Promise<DoorbrekingenJaarverslag>;
}

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
