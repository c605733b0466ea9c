/**
 * The fund's acts. Who may act, in which relation to the case and in which phase, the acts guard
 * decided before these run (`schema/acts.ts`); these read what the routeplanner records about the
 * case (the policy context the guard loaded) and leave the rules and the writing to `operations/`.
 */
import type { GraphQLResolverMap } from '../../common/resolver-map.js';
import { eq } from 'drizzle-orm';
import type { SubgraphContext } from '../../common/server.js';
import { bijdrageronden, bijdragen } from '../db/tables.js';
import type { DeelnemerSoort } from '../domain/index.js';
import { besluitOverAanvraag, dienAanvraagIn, legNalatigheidVast, type BesluitVerzoek, type FormulierInvoer, type NalatigheidVerzoek } from '../operations/claims.js';
import { registreerBijdrage, stelGewichtIn, treedToe, treedUit } from '../operations/contributions.js';
import { hefFondsOp } from '../operations/ending.js';
import { betaalUit } from '../operations/payout.js';
import { iso } from '../store/rows.js';
import { aanvraagView, besluitView, bijdrageView, deelnemerView, nalatigheidView, regelMetSaldo, rondeView } from './views.js';

type Args<T> = (parent: unknown, args: T, ctx: SubgraphContext) => unknown;
const now = (ctx: SubgraphContext) => new Date(ctx.now());
/** The decision names the Voorzitter's office; the person is in the access log's audit rows. */
const voorzittersAmbt = (ctx: SubgraphContext) => `${ctx.caller.organisatie} (Voorzitter)`;

async function rondeVan(ctx: SubgraphContext, ronde: number | null) {
  if (ronde === null) return null;
  const [r] = await ctx.db.select().from(bijdrageronden).where(eq(bijdrageronden.ronde, ronde));
  return r ? rondeView(r, await ctx.db.select().from(bijdragen).where(eq(bijdragen.ronde, ronde))) : null;
}

export const mutationResolvers: GraphQLResolverMap<SubgraphContext> = {
  Mutation: {
    /** The case's facts (outcome, code, the lease's deposit) come from the routeplanner, never from the form. */
    dienGarantieaanvraagIn: (async (_, a: { formulier: FormulierInvoer }, ctx) => {
      // Loaded by the guard in this request: the same context it authorised on.
      const policy = (await ctx.dosering.contextFor(a.formulier.trajectId))!;
      const row = await dienAanvraagIn(
        ctx.db,
        a.formulier,
        { uitkomst: policy.uitkomst, gematcht: policy.gematcht, trajectCode: policy.code, huurBorgCents: policy.huur?.borgCent, huurEinddatum: policy.huur?.einddatum },
        ctx.caller.organisatie,
        ctx.caller.sub,
        now(ctx),
      );
      return aanvraagView(row);
    }) as Args<{ formulier: FormulierInvoer }>,

    besluitOverGarantieaanvraag: (async (_, a: { besluit: BesluitVerzoek }, ctx) => {
      const row = await besluitOverAanvraag(ctx.db, a.besluit, voorzittersAmbt(ctx), now(ctx));
      return { aanvraagId: row.id, status: row.status, besluit: besluitView(row), aanvraag: aanvraagView(row) };
    }) as Args<{ besluit: BesluitVerzoek }>,

    legNalatigheidVast: (async (_, a: { input: NalatigheidVerzoek }, ctx) => {
      const row = await legNalatigheidVast(ctx.db, a.input, ctx.caller.sub, voorzittersAmbt(ctx), now(ctx));
      return { id: row.id, vastgelegdOp: iso(row.vastgelegdOp), nalatigheid: nalatigheidView(row) };
    }) as Args<{ input: NalatigheidVerzoek }>,

    betaalGarantieaanvraagUit: (async (_, a: { aanvraagId: string }, ctx) => {
      const r = await betaalUit(ctx.db, a.aanvraagId, now(ctx));
      return {
        aanvraag: aanvraagView(r.aanvraag),
        nieuwGeboekt: r.nieuwGeboekt,
        grootboekregel: await regelMetSaldo(ctx.db, r.regel),
        saldoCent: r.saldoCent,
        aanvullingsronde: await rondeVan(ctx, r.aanvullingsronde),
      };
    }) as Args<{ aanvraagId: string }>,

    registreerBijdrage: (async (_, a: { bijdrageId: string; betaaldOp: string }, ctx) => {
      const r = await registreerBijdrage(ctx.db, a.bijdrageId, a.betaaldOp, now(ctx));
      return { bijdrage: bijdrageView(r.bijdrage), nieuwGeboekt: r.nieuwGeboekt, grootboekregel: await regelMetSaldo(ctx.db, r.regel), saldoCent: r.saldoCent };
    }) as Args<{ bijdrageId: string; betaaldOp: string }>,

    treedToeTotFonds: (async (_, a: { input: { soort: DeelnemerSoort; slug: string; gewicht?: number | null } }, ctx) => {
      const r = await treedToe(ctx.db, a.input, now(ctx));
      return { deelnemer: deelnemerView(r.deelnemer), bijdrage: r.bijdrage ? bijdrageView(r.bijdrage) : null };
    }) as Args<{ input: { soort: DeelnemerSoort; slug: string; gewicht?: number | null } }>,

    treedUitFonds: (async (_, a: { deelnemerId: string }, ctx) => {
      const r = await treedUit(ctx.db, a.deelnemerId, now(ctx));
      return { deelnemer: deelnemerView(r.deelnemer), terugbetaaldCent: r.terugbetaaldCent };
    }) as Args<{ deelnemerId: string }>,

    stelVerdeelsleutelIn: (async (_, a: { deelnemerId: string; gewicht: number }, ctx) => {
      return deelnemerView(await stelGewichtIn(ctx.db, a.deelnemerId, a.gewicht));
    }) as Args<{ deelnemerId: string; gewicht: number }>,

    hefFondsOp: (async (_, a: { besluit: string }, ctx) => {
      const r = await hefFondsOp(ctx.db, a.besluit, now(ctx));
      return { restituties: await Promise.all(r.restituties.map((row) => regelMetSaldo(ctx.db, row))), saldoCent: r.saldoCent };
    }) as Args<{ besluit: string }>,
  },
};
