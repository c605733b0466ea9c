/**
 * Mutations of the regisseur subgraph: the routeplanner's acts and the consent register. Who may
 * perform each, in which relation and phase, the acts guard decided before these run.
 */
import type { GraphQLResolverMap } from '../../common/resolver-map.js';
import type { Doel } from '../../../schema/vocabulary.js';
import type { SubgraphContext } from '../../common/server.js';
import { legOverlegUitkomstVast, legProfielVast, selecteerCorporaties, type ProfielInput } from '../bemiddeling/profiel.js';
import { koppelTerug, type TerugkoppelMoment } from '../bemiddeling/terugkoppeling.js';
import { applyHandeling, getTraject, warmeOverdracht, type HandelingInput } from '../routeplanner/acts.js';
import type { Uitkomst } from '../routeplanner/transitions.js';
import { besluitCasusoverleg, vraagCasusoverlegAan, type CasusoverlegAanvraag } from '../toestemming/casusoverleg.js';
import { registreerDoorbreking, type DoorbrekingInput } from '../toestemming/doorbreking.js';
import { registreerToestemming, trekToestemmingIn, type ToestemmingInput } from '../toestemming/register.js';

type Args<T> = (_: unknown, args: T, ctx: SubgraphContext) => unknown;
const now = (ctx: SubgraphContext) => new Date(ctx.now());

const act =
  (handeling: HandelingInput['handeling']): Args<Omit<HandelingInput, 'handeling'>> =>
  (_, args, ctx) =>
    applyHandeling(ctx.db, ctx.caller, { ...args, handeling }, now(ctx));

const reread = async (ctx: SubgraphContext, trajectId: string) => (await getTraject(ctx.db, trajectId))!;

const mutations: Record<string, Args<never>> = {
  startOnderzoek: act('ONDERZOEK_GESTART'),
  draagOver: act('OVERGEDRAGEN'),
  rondProfielAf: act('PROFIEL_AFGEROND'),
  spreekMatchAf: act('MATCH_AFGESPROKEN'),
  sluitTraject: ((_, args: { trajectId: string; versie: number; uitkomst: Uitkomst; toelichting?: string }, ctx) =>
    applyHandeling(
      ctx.db,
      ctx.caller,
      { trajectId: args.trajectId, versie: args.versie, handeling: 'AFGESLOTEN', uitkomst: args.uitkomst, reden: args.toelichting ?? null },
      now(ctx),
    )) as Args<never>,
  koppelTerug: ((_, a: { trajectId: string; moment: TerugkoppelMoment; toelichting: string }, ctx) =>
    koppelTerug(ctx.db, ctx.caller, a.trajectId, a.moment, a.toelichting, now(ctx))) as Args<never>,
  draagWarmOver: ((_, a: { trajectId: string; versie: number; reden: string }, ctx) =>
    warmeOverdracht(ctx.db, ctx.caller, a.trajectId, a.versie, a.reden, now(ctx))) as Args<never>,
  legProfielVast: (async (_, a: { trajectId: string; profiel: ProfielInput }, ctx) => {
    await legProfielVast(ctx.db, a.trajectId, a.profiel, now(ctx));
    return reread(ctx, a.trajectId);
  }) as Args<never>,
  selecteerCorporaties: (async (_, a: { trajectId: string; corporaties: string[] }, ctx) => {
    await selecteerCorporaties(ctx.db, a.trajectId, a.corporaties, now(ctx));
    return reread(ctx, a.trajectId);
  }) as Args<never>,
  legOverlegUitkomstVast: (async (
    _,
    a: { trajectId: string; corporatie: string; uitkomst: 'INTERESSE' | 'GEEN_INTERESSE'; toelichting?: string },
    ctx,
  ) => {
    await legOverlegUitkomstVast(ctx.db, a.trajectId, a.corporatie, a.uitkomst, a.toelichting ?? null, now(ctx));
    return reread(ctx, a.trajectId);
  }) as Args<never>,
  registreerToestemming: ((_, a: { input: ToestemmingInput }, ctx) =>
    registreerToestemming(ctx.db, ctx.caller, a.input, now(ctx))) as Args<never>,
  trekToestemmingIn: ((_, a: { id: string; toelichting?: string }, ctx) =>
    trekToestemmingIn(ctx.db, ctx.caller, a.id, 'INGETROKKEN', a.toelichting ?? null, now(ctx))) as Args<never>,
  maakBezwaar: ((_, a: { id: string; toelichting?: string }, ctx) =>
    trekToestemmingIn(ctx.db, ctx.caller, a.id, 'BEZWAAR', a.toelichting ?? null, now(ctx))) as Args<never>,
  vraagCasusoverlegAan: ((_, a: { input: CasusoverlegAanvraag }, ctx) =>
    vraagCasusoverlegAan(ctx.db, ctx.caller, a.input, now(ctx))) as Args<never>,
  besluitCasusoverleg: ((
    _,
    a: {
      input: {
        id: string;
        akkoord: boolean;
        toelichting: string;
        tot: string;
        toestemmingGegevenOp?: string;
        toestemmingOndertekendDoor?: 'INWONER' | 'WETTELIJK_VERTEGENWOORDIGER';
        toestemmingDoel?: Doel;
      };
    },
    ctx,
  ) => {
    const i = a.input;
    const toestemmingInwoner =
      i.toestemmingGegevenOp && i.toestemmingOndertekendDoor && i.toestemmingDoel
        ? { gegevenOp: i.toestemmingGegevenOp, ondertekendDoor: i.toestemmingOndertekendDoor, doel: i.toestemmingDoel }
        : null;
    return besluitCasusoverleg(ctx.db, ctx.caller, { id: i.id, akkoord: i.akkoord, toelichting: i.toelichting, tot: i.tot, toestemmingInwoner }, now(ctx));
  }) as Args<never>,
  registreerDoorbreking: (async (_, a: { input: DoorbrekingInput & { criteria: Record<string, boolean> } }, ctx) => {
    const row = await registreerDoorbreking(ctx.db, ctx.caller, a.input, now(ctx));
    return { ...row, trajectCode: (await getTraject(ctx.db, row.trajectId))!.code };
  }) as Args<never>,
};

export const mutationResolvers: GraphQLResolverMap<SubgraphContext> = { Mutation: mutations as never };
