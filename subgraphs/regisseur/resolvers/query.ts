/** Root queries of the regisseur subgraph. Lists hold only cases the caller has a relation to now. */
import type { GraphQLResolverMap } from '../../common/resolver-map.js';
import { and, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Caller } from '../../../schema/context.js';
import { hasRelation } from '../../../schema/decide.js';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import { CORPORATIES, FASEN, GEMEENTEN, ZORGAANBIEDERS, type Fase } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import { connection, paginaVraag, vulPagina, type ConnectionArgs } from '../../common/paging/connection.js';
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
function voorbij(p: Positie): SQL {
  // A row comparison, not `a < x or (a = x and id < y)`: only this form starts the index scan at
  // the cursor (0.1 ms at 100k cases against 35 ms for the other, which reads from the newest on).
  return sql`(${trajecten.aangemeldOp}, ${trajecten.id}) < (${p.aangemeldOp}::timestamptz, ${p.id})`;
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

/**
 * The first `aantal` cases after `na` (newest first, ties by id) that the caller has a relation to in
 * their current phase: the one list behind `trajecten` and `trajectenPagina`.
 */
async function zichtbareTrajecten(ctx: SubgraphContext, fase: Fase | null | undefined, na: Positie | null, aantal: number): Promise<TrajectRow[]> {
  const filter = kandidaten(ctx.caller, ctx.db);
  if (filter === 'geen') return [];
  return vulPagina(
    na,
    aantal,
    (vanaf, limit) =>
      ctx.db
        .select()
        .from(trajecten)
        .where(and(filter, fase ? eq(trajecten.fase, fase) : undefined, vanaf ? voorbij(vanaf) : undefined))
        .orderBy(desc(trajecten.aangemeldOp), desc(trajecten.id))
        .limit(limit),
    async (rows) => {
      const contexts = await Promise.all(rows.map((r) => ctx.dosering.contextFor(r.id)));
      // Not knowing a case's context is not "no relation": an empty or short list would say
      // "no cases" where the answer is "cannot tell now". Refuse the list instead (fail closed).
      if (contexts.includes(undefined)) {
        throw weigering(ErrorCode.BELEIDSCONTEXT_ONBEREIKBAAR, 'De beleidscontext is niet bereikbaar; de lijst kan nu niet worden gegeven.');
      }
      return rows.filter((_, i) => {
        const c = contexts[i];
        return !!c && hasRelation(ctx.caller, c);
      });
    },
  );
}

/** The connection's cursor: the keyset position (registration moment, id), sealed (see `paging/cursor.ts`). */
const TRAJECTEN_LIJST = 'trajecten';

export const queryResolvers: GraphQLResolverMap<SubgraphContext> = {
  Query: {
    traject: (_: unknown, { id }: { id: string }, ctx: SubgraphContext) => zichtbaarTraject(ctx, id),
    trajectOpCode: async (_: unknown, { code }: { code: string }, ctx: SubgraphContext) => {
      const [row] = await ctx.db.select({ id: trajecten.id }).from(trajecten).where(eq(trajecten.code, code));
      return row ? zichtbaarTraject(ctx, row.id) : null;
    },
    trajecten: async (_: unknown, args: { fase?: Fase; eerste: number; na?: string }, ctx: SubgraphContext) => {
      const eerste = Math.min(Math.max(args.eerste, 1), MAX_PAGINA);
      const na = args.na ? await cursor(ctx, args.na) : null;
      return zichtbareTrajecten(ctx, args.fase, na, eerste);
    },
    trajectenPagina: async (_: unknown, args: { fase?: Fase } & ConnectionArgs, ctx: SubgraphContext) => {
      const vraag = paginaVraag(ctx.cursors, TRAJECTEN_LIJST, 2, args);
      const na = vraag.na ? { aangemeldOp: String(vraag.na[0]), id: String(vraag.na[1]) } : null;
      const rows = await zichtbareTrajecten(ctx, args.fase, na, vraag.first + 1);
      return connection(rows, vraag.first, {
        cursors: ctx.cursors,
        lijst: TRAJECTEN_LIJST,
        positie: (r) => [r.aangemeldOp, r.id],
        node: (r) => r,
        trajectId: (r) => r.id,
      });
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
