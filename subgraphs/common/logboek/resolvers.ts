/**
 * Resolvers of the log's read side (`graphql-sdl.ts`) for one subgraph. The entry points give out a
 * `sleutel`, but a subgraph never trusts one: for the resident it keeps only the cases to which the
 * caller's own token has the relation ZELF in the policy context (a forged key naming someone else's
 * case reveals nothing), and the privacy officer's fields answer the TOEZICHT party only.
 */
import type { GraphQLResolverMap } from '../resolver-map.js';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import { relationsOf } from '../../../schema/relations.js';
import type { SubgraphContext } from '../server.js';
import { INZAGE_TYPE, LOGBOEK_INGANG, TOEZICHT_TYPE, logboekVelden } from './graphql-sdl.js';
import { MAX_PAGE, auditVoorTrace, decodeCursor, inzage, jaarverslag, toezicht, type Page } from './queries.js';
import type { RegisseurVerantwoording } from './regisseur-bronnen.js';
import { MAX_TRAJECTEN, parsePeriode, type SleutelCodec } from './sleutel.js';
import type { LogboekTables } from './tables.js';
import { inzageLezing, toezichtLezing } from './lezingen.js';

/** Where a subgraph's log lives: the same schema and tables its writer uses. */
export interface LogboekLezer {
  readonly schema: string;
  readonly tables: LogboekTables;
}

interface Pagina<T> {
  readonly regels: T[];
  readonly volgende: string | null;
}

const ongeldig = (message: string) => weigering(ErrorCode.ONGELDIGE_INVOER, message);

function paging(args: { eerste?: number | null; na?: string | null }): { first: number; after: string | undefined } {
  const first = args.eerste ?? 50;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) throw ongeldig(`eerste moet tussen 1 en ${MAX_PAGE} liggen.`);
  const after = args.na ?? undefined;
  if (after !== undefined) {
    try {
      decodeCursor(after);
    } catch {
      throw ongeldig('Ongeldige cursor (na).');
    }
  }
  return { first, after };
}

function pagina<T, U>(page: Page<T>, map: (node: T) => U): Pagina<U> {
  return { regels: page.edges.map((e) => map(e.node)), volgende: page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null };
}

/**
 * Refuses anyone but TOEZICHT, and records the read (or the refused attempt) in this subgraph's own
 * log: the log's readers are accounted for like any other (`lezingen.ts`). Recorded before the read,
 * so a read that fails half-way is still accounted for; the record is written before the response
 * leaves and, if it cannot be, the response carries no data.
 */
function alleenToezicht(ctx: SubgraphContext, coordinate: string): void {
  ctx.dosering.record(toezichtLezing(coordinate, ctx.caller));
  if (ctx.caller.partij !== 'TOEZICHT') {
    throw weigering(ErrorCode.NIET_BEVOEGD, 'Het logboek is alleen in te zien door toezicht (FG/auditor) en, over zichzelf, door de inwoner.');
  }
}

function checkJaar(jaar: number): number {
  if (!Number.isInteger(jaar) || jaar < 2000 || jaar > 2200) throw ongeldig('jaar ongeldig.');
  return jaar;
}

const TRACE_ID = /^[0-9a-f]{32}$/;

/**
 * The resolvers for `subgraph`; with `verantwoording` also the regisseur's entry points. `sleutels`
 * signs and checks the entities' keys with the federation's key.
 */
export function logboekResolvers(
  subgraph: string,
  lezer: LogboekLezer,
  sleutels: SleutelCodec,
  verantwoording?: RegisseurVerantwoording,
): GraphQLResolverMap<SubgraphContext> {
  const { schema, tables } = lezer;
  const { decodeInzageSleutel, decodeToezichtSleutel, encodeInzageSleutel, encodeToezichtSleutel } = sleutels;
  const velden = logboekVelden(subgraph);
  const ingang = subgraph === LOGBOEK_INGANG;
  const bronnen = () => {
    if (!verantwoording) throw weigering(ErrorCode.TOEGANGSLOG_ONBEREIKBAAR, 'Het logboek is hier niet ingericht.');
    return verantwoording;
  };

  const resolvers: GraphQLResolverMap<SubgraphContext> = {
    Inzage: {
      __resolveReference: (ref: { sleutel: string }) => ({ sleutel: ref.sleutel }),
      [velden.log]: async (parent: { sleutel: string }, args: { eerste?: number; na?: string }, ctx: SubgraphContext) => {
        const { first, after } = paging(args);
        const sleutel = decodeInzageSleutel(parent.sleutel);
        if (ctx.caller.partij !== 'INWONER') return { regels: [], volgende: null };
        const contexts = await Promise.all(sleutel.trajecten.map((t) => ctx.dosering.contextFor(t.id)));
        // An incomplete overview would tell the resident that nobody looked: refuse instead.
        if (contexts.some((c) => c === undefined)) {
          throw weigering(ErrorCode.BELEIDSCONTEXT_ONBEREIKBAAR, 'De beleidscontext is niet bereikbaar; het overzicht kan nu niet volledig worden gegeven.');
        }
        const eigen = sleutel.trajecten.flatMap((t, i) => {
          const c = contexts[i];
          return c && relationsOf(ctx.caller, c).includes('ZELF') ? [{ ...t, context: c }] : [];
        });
        // Reading one's own log is processing too: one record per own case, in this subgraph's log.
        for (const t of eigen) ctx.dosering.record({ ...inzageLezing(`${INZAGE_TYPE}.${velden.log}`, ctx.caller, t.id, t.context.fase), betrokkene: t.context.betrokkene });
        const codes = new Map(eigen.map((t) => [t.id, t.code]));
        const page = await inzage({
          db: ctx.db,
          schema,
          tables,
          trajectIds: eigen.map((t) => t.id),
          van: sleutel.van,
          tot: sleutel.tot,
          first,
          after,
        });
        return pagina(page, (r) => ({
          tijdstip: r.tijdstip.toISOString(),
          organisatie: r.partij === 'INWONER' ? 'zelf' : r.organisatie,
          partij: r.partij,
          trajectCode: (r.trajectId && codes.get(r.trajectId)) ?? null,
          velden: r.velden,
          categorieen: r.categorieen,
          doel: r.doel,
          grondslag: r.grondslag,
          zonderToestemming: r.grondslag === 'CONFLICT_VAN_PLICHTEN' || r.doorbrekingId !== null,
        }));
      },
    },
    Toezicht: {
      __resolveReference: (ref: { sleutel: string }) => ({ sleutel: ref.sleutel }),
      [velden.log]: async (
        parent: { sleutel: string },
        args: { partij?: string; organisatie?: string; toegestaan?: boolean; traceId?: string; eerste?: number; na?: string },
        ctx: SubgraphContext,
      ) => {
        alleenToezicht(ctx, `${TOEZICHT_TYPE}.${velden.log}`);
        const { first, after } = paging(args);
        const periode = decodeToezichtSleutel(parent.sleutel);
        if (args.traceId != null && !TRACE_ID.test(args.traceId)) throw ongeldig('traceId is 32 hexadecimale tekens.');
        const page = await toezicht({
          db: ctx.db,
          schema,
          tables,
          van: periode.van,
          tot: periode.tot,
          partij: args.partij ?? undefined,
          organisatie: args.organisatie ?? undefined,
          toegestaan: args.toegestaan ?? undefined,
          traceId: args.traceId ?? undefined,
          first,
          after,
        });
        // Spelled out, so a column added to the log later is not shown to the FG without a decision.
        return pagina(page, (r) => ({
          seq: r.seq,
          tijdstip: r.tijdstip.toISOString(),
          partij: r.partij,
          organisatie: r.organisatie,
          verwerkingsactiviteitId: r.verwerkingsactiviteitId,
          velden: r.velden,
          categorieen: r.categorieen,
          toegestaan: r.toegestaan,
          reden: r.reden,
          grondslag: r.grondslag,
          doel: r.doel,
          fase: r.fase,
          relatie: r.relatie,
          toestemmingId: r.toestemmingId,
          doorbrekingId: r.doorbrekingId,
          traceId: r.traceId,
          spanId: r.spanId,
          parentSpanId: r.parentSpanId,
        }));
      },
      [velden.jaarverslag]: async (_parent: unknown, args: { jaar: number }, ctx: SubgraphContext) => {
        alleenToezicht(ctx, `${TOEZICHT_TYPE}.${velden.jaarverslag}`);
        const verslag = await jaarverslag(ctx.db, schema, tables, checkJaar(args.jaar));
        return { ...verslag, van: verslag.van.toISOString(), tot: verslag.tot.toISOString() };
      },
      [velden.audit]: async (_parent: unknown, args: { traceId: string }, ctx: SubgraphContext) => {
        alleenToezicht(ctx, `${TOEZICHT_TYPE}.${velden.audit}`);
        if (!TRACE_ID.test(args.traceId)) throw ongeldig('traceId is 32 hexadecimale tekens.');
        const rows = await auditVoorTrace({ db: ctx.db, schema, tables, traceId: args.traceId });
        return rows.map((r) => ({
          tijdstip: r.tijdstip.toISOString(),
          sub: r.sub,
          partij: r.partij,
          organisatie: r.organisatie,
          rol: r.rol,
          operationName: r.operationName,
          traceId: r.traceId,
          spanId: r.spanId,
        }));
      },
    },
  };
  if (!ingang) return resolvers;

  resolvers['Toezicht'] = {
    ...(resolvers['Toezicht'] as object),
    doorbrekingenJaarverslag: async (_parent: unknown, args: { jaar: number }, ctx: SubgraphContext) => {
      alleenToezicht(ctx, `${TOEZICHT_TYPE}.doorbrekingenJaarverslag`);
      return bronnen().doorbrekingenJaarverslag(checkJaar(args.jaar));
    },
  };
  resolvers['Query'] = {
    mijnInzage: async (_: unknown, args: { van?: string | null; tot?: string | null }, ctx: SubgraphContext) => {
      if (ctx.caller.partij !== 'INWONER') return null;
      const periode = parsePeriode(args.van, args.tot);
      const trajecten = await bronnen().trajectenVan(ctx.caller.sub);
      // The newest cases when a resident ever had more than a key can carry.
      return { sleutel: encodeInzageSleutel({ trajecten: trajecten.slice(-MAX_TRAJECTEN), ...periode }) };
    },
    toezicht: async (_: unknown, args: { van?: string | null; tot?: string | null }, ctx: SubgraphContext) => {
      if (ctx.caller.partij !== 'TOEZICHT') return null;
      return { sleutel: encodeToezichtSleutel(parsePeriode(args.van, args.tot)) };
    },
  };
  return resolvers;
}
