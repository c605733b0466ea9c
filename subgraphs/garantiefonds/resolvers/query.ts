/**
 * The fund's read side. Claims are listed only when the caller may see the fund data of their case
 * in its current phase (the policy context, one batched load per request), so a list never holds a claim
 * whose fields would all be refused; the fields themselves are dosed by the transformer as always.
 */
import type { GraphQLResolverMap } from '../../common/resolver-map.js';
import { asc, eq, type SQL } from 'drizzle-orm';
import { groupBy } from '../../common/loaders.js';
import type { SubgraphContext } from '../../common/server.js';
import { aanvragen, bijdrageronden, bijdragen, deelnemers, nalatigheden } from '../db/tables.js';
import { fondsCijfers } from '../operations/figures.js';
import { ledgerRows } from '../store/ledger.js';
import { eigenDeelnemer, eisDetails, eisVoorzitter, magCijfersZien } from './roles.js';
import { bijdragenPagina, garantieaanvragenPagina, grootboekPagina } from './pages.js';
import { zichtbareAanvragen } from './visibility.js';
import { aanvraagView, bijdrageView, deelnemerView, grootboekView, rondeView, terBeslissingView } from './views.js';
import { anyOf } from '../../common/any-of.js';

type Args<T> = (parent: unknown, args: T, ctx: SubgraphContext) => unknown;

export const queryResolvers: GraphQLResolverMap<SubgraphContext> = {
  Query: {
    garantiefonds: (async (_, _a, ctx) => (magCijfersZien(ctx.caller) ? fondsCijfers(ctx.db) : null)) as Args<unknown>,

    garantieaanvragen: (async (_, a: { status?: string | null }, ctx) => {
      const where: SQL | undefined = a.status ? eq(aanvragen.status, a.status) : undefined;
      const rows = await ctx.db.select().from(aanvragen).where(where).orderBy(asc(aanvragen.ingediendOp));
      return (await zichtbareAanvragen(ctx, rows)).map(aanvraagView);
    }) as Args<{ status?: string | null }>,

    garantieaanvragenPagina,

    garantieaanvraag: (async (_, a: { id: string }, ctx) => {
      const rows = await ctx.db.select().from(aanvragen).where(eq(aanvragen.id, a.id));
      const [row] = await zichtbareAanvragen(ctx, rows);
      return row ? aanvraagView(row) : null;
    }) as Args<{ id: string }>,

    // The Voorzitter decides the claims of the own region's cases only (art. 7.8; DESIGN §2).
    aanvragenTerBeslissing: (async (_, _a, ctx) => {
      eisVoorzitter(ctx.caller);
      const ingediend = await ctx.db.select().from(aanvragen).where(eq(aanvragen.status, 'INGEDIEND')).orderBy(asc(aanvragen.ingediendOp));
      const rows = await zichtbareAanvragen(ctx, ingediend);
      if (rows.length === 0) return [];
      const nalatig = new Set(
        (await ctx.db.select({ t: nalatigheden.trajectId }).from(nalatigheden).where(anyOf(nalatigheden.trajectId, rows.map((r) => r.trajectId)))).map(
          (n) => n.t,
        ),
      );
      return rows.map((r) => terBeslissingView(r, nalatig.has(r.trajectId)));
    }) as Args<unknown>,

    mijnBijdragen: (async (_, _a, ctx) => {
      const eigen = eigenDeelnemer(ctx.caller);
      if (!eigen) return [];
      const rows = await ctx.db.select().from(bijdragen).where(eq(bijdragen.deelnemer, eigen)).orderBy(asc(bijdragen.ronde));
      return rows.map(bijdrageView);
    }) as Args<unknown>,
  },

  Fonds: {
    deelnemers: (async (_, _a, ctx) => {
      eisDetails(ctx);
      return (await ctx.db.select().from(deelnemers).orderBy(asc(deelnemers.id))).map(deelnemerView);
    }) as Args<unknown>,

    rondes: (async (_, _a, ctx) => {
      eisDetails(ctx);
      const [rondes, alle] = await Promise.all([
        ctx.db.select().from(bijdrageronden).orderBy(asc(bijdrageronden.ronde)),
        ctx.db.select().from(bijdragen),
      ]);
      const perRonde = groupBy(alle, (b) => b.ronde);
      return rondes.map((r) => rondeView(r, perRonde.get(r.ronde) ?? []));
    }) as Args<unknown>,

    bijdragen: (async (_, a: { openstaand?: boolean | null }, ctx) => {
      eisDetails(ctx);
      const rows = await ctx.db.select().from(bijdragen).orderBy(asc(bijdragen.ronde), asc(bijdragen.deelnemer));
      const views = rows.map(bijdrageView);
      if (a.openstaand === true) return views.filter((b) => b.status === 'OPENSTAAND');
      if (a.openstaand === false) return views.filter((b) => b.status !== 'OPENSTAAND');
      return views;
    }) as Args<{ openstaand?: boolean | null }>,

    bijdragenPagina,

    grootboek: (async (_, _a, ctx) => {
      eisDetails(ctx);
      return grootboekView(await ledgerRows(ctx.db));
    }) as Args<unknown>,

    grootboekPagina,
  },
};
