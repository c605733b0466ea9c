/** Root queries of the regisseur subgraph. Lists hold only cases the caller has a relation to now. */
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { Caller } from '../../../schema/context.js';
import { hasRelation } from '../../../schema/decide.js';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import { CORPORATIES, FASEN, GEMEENTEN, ZORGAANBIEDERS, type Fase } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import type { SubgraphContext } from '../../common/server.js';
import { doorbrekingen, selecties, toestemmingen, trajecten, type TrajectRow } from '../db/tables.js';
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

/** The most cases one page of `trajecten` holds, whatever `eerste` asks. */
export const MAX_PAGINA = 500;

type Positie = Pick<TrajectRow, 'aangemeldOp' | 'id'>;

/** The cases after `p` in the list's order (newest first, ties by id). */
function voorbij(p: Positie): SQL | undefined {
  return or(lt(trajecten.aangemeldOp, p.aangemeldOp), and(eq(trajecten.aangemeldOp, p.aangemeldOp), lt(trajecten.id, p.id)));
}

/**
 * `na` is the id of the last case of the previous page. It counts only if the caller may see that
 * case now: an id it may not see is refused exactly as an unknown one, so paging cannot probe ids.
 */
async function cursor(ctx: SubgraphContext, na: string): Promise<Positie> {
  const row = await zichtbaarTraject(ctx, na);
  if (!row) throw weigering(ErrorCode.ONGELDIGE_INVOER, 'na: geen traject uit deze lijst; geef het id van het laatste traject van de vorige pagina.', { veld: 'na' });
  return row;
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
      const eerste = Math.min(Math.max(args.eerste, 1), MAX_PAGINA);
      let na = args.na ? await cursor(ctx, args.na) : null;
      const page: TrajectRow[] = [];
      // Full pages: SQL filters coarsely, the relation decides per case, so read on (newest first,
      // ties by id) until the page is full or the list ends, never returning a short page mid-list.
      for (;;) {
        const batch = eerste * 2 + 20;
        const rows = await ctx.db
          .select()
          .from(trajecten)
          .where(and(filter, args.fase ? eq(trajecten.fase, args.fase) : undefined, na ? voorbij(na) : undefined))
          .orderBy(desc(trajecten.aangemeldOp), desc(trajecten.id))
          .limit(batch);
        const contexts = await Promise.all(rows.map((r) => ctx.dosering.contextFor(r.id)));
        // Not knowing a case's context is not "no relation": an empty or short list would say
        // "no cases" where the answer is "cannot tell now". Refuse the list instead (fail closed).
        if (contexts.includes(undefined)) {
          throw weigering(ErrorCode.BELEIDSCONTEXT_ONBEREIKBAAR, 'De beleidscontext is niet bereikbaar; de lijst kan nu niet worden gegeven.');
        }
        for (const [i, row] of rows.entries()) {
          const c = contexts[i];
          if (c && hasRelation(ctx.caller, c)) page.push(row);
          if (page.length === eerste) return page;
        }
        if (rows.length < batch) return page;
        na = rows[rows.length - 1]!;
      }
    },
    mijnToestemmingen: async (_: unknown, _a: unknown, ctx: SubgraphContext) => {
      if (ctx.caller.partij !== 'INWONER') return [];
      const eigen = ctx.db.select({ id: trajecten.id }).from(trajecten).where(eq(trajecten.betrokkene, ctx.caller.sub));
      return ctx.db.select().from(toestemmingen).where(inArray(toestemmingen.trajectId, eigen));
    },
    organisaties: () => ({
      gemeenten: Object.entries(GEMEENTEN).map(([slug, g]) => ({ slug, naam: g.naam, regio: g.regio })),
      corporaties: CORPORATIES,
      zorgaanbieders: ZORGAANBIEDERS,
    }),
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
