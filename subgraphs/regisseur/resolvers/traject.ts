/** Resolvers of `Traject` and the types that hang off it in the regisseur subgraph. */
import type { GraphQLResolverMap } from '../../common/resolver-map.js';
import { eq } from 'drizzle-orm';
import { hasRelation } from '../../../schema/decide.js';
import type { SubgraphContext } from '../../common/server.js';
import { casusoverleggen, terugkoppelingen, type ToestemmingRow, type TrajectRow } from '../db/tables.js';
import { gebeurtenissen } from '../toestemming/register.js';
import { loaders } from './loaders.js';

/** Loads a case only when the caller has a relation to it in its current phase. */
export async function zichtbaarTraject(ctx: SubgraphContext, id: string): Promise<TrajectRow | null> {
  const policy = await ctx.dosering.contextFor(id);
  if (!policy || !hasRelation(ctx.caller, policy)) return null;
  return loaders(ctx).traject.load(id);
}

export function toestemmingStatus(t: ToestemmingRow, now: number): string {
  if (t.ingetrokkenOp && Date.parse(t.ingetrokkenOp) <= now) return 'INGETROKKEN';
  if (Date.parse(t.geldigTot) <= now) return 'VERLOPEN';
  if (Date.parse(t.gegevenOp) > now) return 'NOG_NIET_GELDIG';
  return 'GELDIG';
}

export const trajectResolvers: GraphQLResolverMap<SubgraphContext> = {
  Traject: {
    __resolveReference: (ref: { id: string }, ctx: SubgraphContext) => zichtbaarTraject(ctx, ref.id),
    // Who may read the course of the case (VERLOOP, and PROFIEL for the selection) is the policy
    // table's decision, taken by the transformer before these run.
    transities: (t: TrajectRow, _a: unknown, ctx: SubgraphContext) => loaders(ctx).transities.load(t.id),
    bemiddelingsprofiel: async (t: TrajectRow, _a: unknown, ctx: SubgraphContext) => {
      const p = await loaders(ctx).profiel.load(t.id);
      return p ? { ...p, trajectId: t.id } : null;
    },
    selecties: async (t: TrajectRow, _a: unknown, ctx: SubgraphContext) => {
      const all = await loaders(ctx).selecties.load(t.id);
      // A corporation never learns which others were selected.
      return ctx.caller.partij === 'CORPORATIE' ? all.filter((s) => s.corporatie === ctx.caller.organisatie) : all;
    },
    plaatsing: async (t: TrajectRow, _a: unknown, ctx: SubgraphContext) => {
      if (!t.gematcht) return null;
      const match = (await loaders(ctx).transities.load(t.id)).find((x) => x.handeling === 'MATCH_AFGESPROKEN');
      return { trajectId: t.id, corporatie: t.gematcht, gematchtOp: match?.op ?? null, gehuisvestOp: t.gehuisvestOp };
    },
    uitkomst: (t: TrajectRow) =>
      t.uitkomst ? { trajectId: t.id, soort: t.uitkomst, toelichting: t.uitkomstToelichting, afgeslotenOp: t.afgeslotenOp } : null,
    toestemmingen: (t: TrajectRow, _a: unknown, ctx: SubgraphContext) => loaders(ctx).toestemmingen.load(t.id),
    terugkoppelingen: (t: TrajectRow, _a: unknown, ctx: SubgraphContext) =>
      ctx.db.select().from(terugkoppelingen).where(eq(terugkoppelingen.trajectId, t.id)).orderBy(terugkoppelingen.op),
    casusoverleggen: (t: TrajectRow, _a: unknown, ctx: SubgraphContext) =>
      ctx.db.select().from(casusoverleggen).where(eq(casusoverleggen.trajectId, t.id)),
  },
  Toestemming: {
    status: (t: ToestemmingRow, _a: unknown, ctx: SubgraphContext) => toestemmingStatus(t, ctx.now()),
    gebeurtenissen: (t: ToestemmingRow, _a: unknown, ctx: SubgraphContext) => gebeurtenissen(ctx.db, t.id),
  },
};
