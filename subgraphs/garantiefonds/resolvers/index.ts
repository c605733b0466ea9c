/** Resolvers of the garantiefonds subgraph. */
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { eq, sql } from 'drizzle-orm';
import { visibleCase } from '../../common/relation-guard.js';
import type { SubgraphContext } from '../../common/server.js';
import { aanvragen, bijdragen, grootboek } from '../db/tables.js';

export const resolvers: GraphQLResolverMap<SubgraphContext> = {
  Query: {
    garantiefonds: async (_: unknown, _a: unknown, ctx: SubgraphContext) => {
      if (!['GARANTIEFONDS', 'WERKGROEP', 'REGISSEUR'].includes(ctx.caller.partij)) return null;
      const [saldo] = await ctx.db.select({ v: sql<string>`coalesce(sum(${grootboek.bedragCent}), 0)` }).from(grootboek);
      const [open] = await ctx.db.select({ v: sql<string>`coalesce(sum(${bijdragen.bedragCent}) filter (where ${bijdragen.betaaldOp} is null), 0)` }).from(bijdragen);
      const [n] = await ctx.db.select({ v: sql<string>`count(*)` }).from(aanvragen);
      const [uit] = await ctx.db.select({ v: sql<string>`coalesce(-sum(${grootboek.bedragCent}) filter (where ${grootboek.soort} = 'UITBETALING'), 0)` }).from(grootboek);
      return { saldoCent: Number(saldo!.v), bijdragenOpenstaandCent: Number(open!.v), aantalAanvragen: Number(n!.v), uitbetaaldCent: Number(uit!.v) };
    },
  },
  Traject: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    garantieaanvragen: async (t: { id: string }, _a: unknown, ctx: SubgraphContext) => {
      if (!(await visibleCase(ctx, t.id))) return [];
      const rows = await ctx.db.select().from(aanvragen).where(eq(aanvragen.trajectId, t.id));
      return rows.map((r) => ({ ...r, trajectId: t.id }));
    },
  },
};
