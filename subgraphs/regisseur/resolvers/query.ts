/** Root queries of the regisseur subgraph. Lists hold only cases the caller has a relation to now. */
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Caller } from '../../../schema/context.js';
import { hasRelation } from '../../../schema/decide.js';
import { FASEN, type Fase } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import type { SubgraphContext } from '../../common/server.js';
import { doorbrekingen, selecties, toestemmingen, trajecten } from '../db/tables.js';
import { zichtbaarTraject } from './traject.js';

/**
 * A first, coarse filter in SQL per party (so a corporation's list is not computed over every case);
 * the policy's `hasRelation` then decides per case, exactly as for a single case.
 */
function kandidaten(caller: Caller, db: Db): SQL | undefined | 'geen' {
  switch (caller.partij) {
    case 'GEMEENTE':
      return eq(trajecten.gemeente, caller.gemeente ?? '');
    case 'REGISSEUR':
      return and(eq(trajecten.regio, caller.regio ?? ''), inArray(trajecten.fase, FASEN.slice(2) as unknown as string[]));
    case 'CORPORATIE':
      return inArray(
        trajecten.id,
        db.select({ id: selecties.trajectId }).from(selecties).where(eq(selecties.corporatie, caller.organisatie)),
      );
    case 'ZORGAANBIEDER':
      return or(eq(trajecten.melder, caller.organisatie), eq(trajecten.gekoppeldeZorgaanbieder, caller.organisatie));
    case 'INWONER':
      return eq(trajecten.betrokkene, caller.sub);
    // The fund works from its claims, the Werkgroep from aggregates, the privacy officer from the log.
    case 'GARANTIEFONDS':
    case 'WERKGROEP':
    case 'TOEZICHT':
      return 'geen';
  }
}

export const queryResolvers: GraphQLResolverMap<SubgraphContext> = {
  Query: {
    traject: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => zichtbaarTraject(ctx, id),
    trajectOpCode: async (_: unknown, { code }: { code: string }, ctx: SubgraphContext) => {
      const [row] = await ctx.db.select({ id: trajecten.id }).from(trajecten).where(eq(trajecten.code, code));
      return row ? zichtbaarTraject(ctx, row.id) : null;
    },
    trajecten: async (_: unknown, args: { fase?: Fase; eerste: number; na?: string }, ctx: SubgraphContext) => {
      const filter = kandidaten(ctx.caller, ctx.db);
      if (filter === 'geen') return [];
      const eerste = Math.min(Math.max(args.eerste, 1), 500);
      const where = and(filter, args.fase ? eq(trajecten.fase, args.fase) : undefined, args.na ? lt(trajecten.aangemeldOp, args.na) : undefined);
      const rows = await ctx.db.select().from(trajecten).where(where).orderBy(desc(trajecten.aangemeldOp)).limit(eerste * 2 + 20);
      const contexts = await Promise.all(rows.map((r) => ctx.dosering.contextFor(r.id)));
      return rows.filter((_r, i) => contexts[i] && hasRelation(ctx.caller, contexts[i]!)).slice(0, eerste);
    },
    mijnToestemmingen: async (_: unknown, _a: unknown, ctx: SubgraphContext) => {
      if (ctx.caller.partij !== 'INWONER') return [];
      const eigen = ctx.db.select({ id: trajecten.id }).from(trajecten).where(eq(trajecten.betrokkene, ctx.caller.sub));
      return ctx.db.select().from(toestemmingen).where(inArray(toestemmingen.trajectId, eigen));
    },
    doorbrekingenTerBeoordeling: async (_: unknown, _a: unknown, ctx: SubgraphContext) => {
      if (ctx.caller.partij !== 'TOEZICHT') return [];
      const rows = await ctx.db
        .select({ d: doorbrekingen, code: trajecten.code })
        .from(doorbrekingen)
        .innerJoin(trajecten, eq(trajecten.id, doorbrekingen.trajectId));
      return rows.filter((r) => !r.d.beoordeeldOp).map((r) => ({ ...r.d, trajectCode: r.code }));
    },
  },
};
