/**
 * The fund's acts. Each checks who acts first (a refusal then reveals nothing about a case), then
 * what the routeplanner records about the case (through the policy context: fail closed when it
 * cannot be loaded), and leaves the rules and the writing to `operations/`.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { eq } from 'drizzle-orm';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import type { SubgraphContext } from '../../common/server.js';
import { aanvragen, bijdrageronden, bijdragen } from '../db/tables.js';
import { FondsErrorCode, type DeelnemerSoort } from '../domain/index.js';
import { besluitOverAanvraag, dienAanvraagIn, legNalatigheidVast, type BesluitVerzoek, type FormulierInvoer, type NalatigheidVerzoek } from '../operations/claims.js';
import { registreerBijdrage, stelGewichtIn, treedToe, treedUit } from '../operations/contributions.js';
import { hefFondsOp } from '../operations/ending.js';
import { betaalUit } from '../operations/payout.js';
import { weigerFonds } from '../store/refusal.js';
import { iso } from '../store/rows.js';
import { eisCorporatie, eisKassier, eisVoorzitter } from './roles.js';
import { aanvraagView, besluitView, bijdrageView, deelnemerView, nalatigheidView, regelMetSaldo, rondeView } from './views.js';

type Args<T> = (parent: unknown, args: T, ctx: SubgraphContext) => unknown;
const now = (ctx: SubgraphContext) => new Date(ctx.now());

async function rondeVan(ctx: SubgraphContext, ronde: number | null) {
  if (ronde === null) return null;
  const [r] = await ctx.db.select().from(bijdrageronden).where(eq(bijdrageronden.ronde, ronde));
  return r ? rondeView(r, await ctx.db.select().from(bijdragen).where(eq(bijdragen.ronde, ronde))) : null;
}

export const mutationResolvers: GraphQLResolverMap<SubgraphContext> = {
  Mutation: {
    /**
     * Only the matched corporation claims. Every other caller — another party, a corporation that was
     * not matched, or one naming a case that does not exist — gets the same NIET_CORPORATIE_VAN_TRAJECT,
     * so the answer never tells whether a case exists.
     */
    dienGarantieaanvraagIn: (async (_, a: { formulier: FormulierInvoer }, ctx) => {
      eisCorporatie(ctx.caller);
      const policy = await ctx.dosering.contextFor(a.formulier.trajectId);
      if (policy === undefined) {
        throw weigering(ErrorCode.BELEIDSCONTEXT_ONBEREIKBAAR, 'De beleidscontext is niet bereikbaar; er is niets vastgelegd.');
      }
      if (policy === null || !policy.gematcht || policy.gematcht !== ctx.caller.organisatie) {
        throw weigerFonds(FondsErrorCode.NIET_CORPORATIE_VAN_TRAJECT);
      }
      const row = await dienAanvraagIn(
        ctx.db,
        a.formulier,
        { uitkomst: policy.uitkomst, gematcht: policy.gematcht },
        ctx.caller.organisatie,
        ctx.caller.sub,
        now(ctx),
      );
      return aanvraagView(row);
    }) as Args<{ formulier: FormulierInvoer }>,

    besluitOverGarantieaanvraag: (async (_, a: { besluit: BesluitVerzoek }, ctx) => {
      eisVoorzitter(ctx.caller);
      // The decision names the Voorzitter's office; the person is in the access log's audit rows.
      const row = await besluitOverAanvraag(ctx.db, a.besluit, `${ctx.caller.organisatie} (Voorzitter)`, now(ctx));
      return { aanvraagId: row.id, status: row.status, besluit: besluitView(row), aanvraag: aanvraagView(row) };
    }) as Args<{ besluit: BesluitVerzoek }>,

    /**
     * The case must be one the Voorzitter can see, or one with a claim on the fund; otherwise it is
     * answered as unknown and nothing is recorded.
     */
    legNalatigheidVast: (async (_, a: { input: NalatigheidVerzoek }, ctx) => {
      eisVoorzitter(ctx.caller);
      const policy = await ctx.dosering.contextFor(a.input.trajectId);
      const [claim] = await ctx.db.select({ id: aanvragen.id }).from(aanvragen).where(eq(aanvragen.trajectId, a.input.trajectId));
      if (!policy && !claim) throw weigering(ErrorCode.NIET_GEVONDEN, 'Traject niet gevonden.', { trajectId: a.input.trajectId });
      const row = await legNalatigheidVast(ctx.db, a.input, ctx.caller.sub, now(ctx));
      return { id: row.id, vastgelegdOp: iso(row.vastgelegdOp), nalatigheid: nalatigheidView(row) };
    }) as Args<{ input: NalatigheidVerzoek }>,

    betaalGarantieaanvraagUit: (async (_, a: { aanvraagId: string }, ctx) => {
      eisKassier(ctx.caller);
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
      eisKassier(ctx.caller);
      const r = await registreerBijdrage(ctx.db, a.bijdrageId, a.betaaldOp, now(ctx));
      return { bijdrage: bijdrageView(r.bijdrage), nieuwGeboekt: r.nieuwGeboekt, grootboekregel: await regelMetSaldo(ctx.db, r.regel), saldoCent: r.saldoCent };
    }) as Args<{ bijdrageId: string; betaaldOp: string }>,

    treedToeTotFonds: (async (_, a: { input: { soort: DeelnemerSoort; slug: string; gewicht?: number | null } }, ctx) => {
      eisKassier(ctx.caller);
      const r = await treedToe(ctx.db, a.input, now(ctx));
      return { deelnemer: deelnemerView(r.deelnemer), bijdrage: r.bijdrage ? bijdrageView(r.bijdrage) : null };
    }) as Args<{ input: { soort: DeelnemerSoort; slug: string; gewicht?: number | null } }>,

    treedUitFonds: (async (_, a: { deelnemerId: string }, ctx) => {
      eisKassier(ctx.caller);
      const r = await treedUit(ctx.db, a.deelnemerId, now(ctx));
      return { deelnemer: deelnemerView(r.deelnemer), terugbetaaldCent: r.terugbetaaldCent };
    }) as Args<{ deelnemerId: string }>,

    stelVerdeelsleutelIn: (async (_, a: { deelnemerId: string; gewicht: number }, ctx) => {
      eisKassier(ctx.caller);
      return deelnemerView(await stelGewichtIn(ctx.db, a.deelnemerId, a.gewicht));
    }) as Args<{ deelnemerId: string; gewicht: number }>,

    hefFondsOp: (async (_, a: { besluit: string }, ctx) => {
      eisKassier(ctx.caller);
      const r = await hefFondsOp(ctx.db, a.besluit, now(ctx));
      return { restituties: await Promise.all(r.restituties.map((row) => regelMetSaldo(ctx.db, row))), saldoCent: r.saldoCent };
    }) as Args<{ besluit: string }>,
  },
};
