/**
 * `Query.monitoring` and the `Monitoring` entity: the Werkgroep's figures, computed here at the source
 * from the regisseur's own tables (`rijen.ts`, `zonder-toestemming.ts`) by the shared pure computation
 * (`schema/monitoring/`), so only suppressed aggregates ever leave the subgraph.
 *
 * Who may ask: the WERKGROEP only (DESIGN §2, §3b "aggregates only, never a case"). Every other party
 * gets `null` with `DOSERING_GEWEIGERD` (`reden: PARTIJ`). Deliberately not the REGISSEUR: the
 * figures span cases in MELDING and ONDERZOEK and cases closed before the hand-over — the gemeenten'
 * Wmo files, to which the regisseur has no relation — and the Ketenregisseur who sits in the Werkgroep
 * signs in as a Werkgroep member for this. Not TOEZICHT either: the privacy officer audits the log and
 * the register, not the steering figures.
 *
 * Why a cache, and keyed like this: the figures are one fixed release per data set (`figures.ts`):
 * every year's tables are suppressed once, and every question only selects from them. Suppressing a
 * year takes a noticeable part of a second on the ~400-case demo data, on the subgraph's event loop,
 * while loading the rows grows with the cases (100k cases are 100k rows). The key is the database's
 * digest of what the rows are built from, the threshold and today's date, so a cached release is
 * never stale: any change to a case gives another key, and a hit reads no row. The question
 * (periode, range, regio) is not part of the key: it only selects (`dashboard-view.ts`).
 */
import type { GraphQLResolverMap } from '../../common/resolver-map.js';
import type { Caller } from '../../../schema/context.js';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import { naarWerkgroepMonitoring, type WerkgroepMonitoring } from '../../../schema/monitoring/dashboard-view.js';
import { maakRekenaar, type Monitoringrekenaar } from '../../../schema/monitoring/figures.js';
import { DEFAULT_THRESHOLD } from '../../../schema/monitoring/suppression.js';
import {
  leesVerzoek,
  monitoringSleutel,
  OngeldigVerzoekError,
  verzoekUitSleutel,
  type MonitoringVerzoek,
} from '../../../schema/monitoring/verzoek.js';
import type { SubgraphContext } from '../../common/server.js';
import { createCoalescer, type Coalescer } from '../../common/coalesce.js';
import type { Db } from '../../common/database.js';
import { kalenderdatum } from './kalender.js';
import { laadMonitoringRijen, monitoringDigest } from './rijen.js';
import { telZonderToestemming } from './zonder-toestemming.js';

/** Options of {@link monitoringResolvers}. */
export interface MonitoringOptions {
  /**
   * The least number of people behind a published count. Raising it is allowed; anything below the
   * default is refused at start-up, so a configuration mistake cannot make cells identifying.
   * @default 5
   */
  readonly drempel?: number;
  /**
   * How many releases (one per data set) to keep.
   * @default 16
   */
  readonly cacheGrootte?: number;
}

/** The regisseur's part of the `Monitoring` entity (the garantiefonds adds its own). */
export type RegisseurMonitoring = Omit<WerkgroepMonitoring, 'garantiefonds'> & { sleutel: string };

function alleenWerkgroep(caller: Caller, veld: string): void {
  if (caller.partij === 'WERKGROEP') return;
  throw weigering(
    ErrorCode.DOSERING_GEWEIGERD,
    `Dosering: ${veld} geweigerd — monitoringcijfers zijn alleen voor de Werkgroep; partij ${caller.partij} mag ze niet inzien.`,
    { reden: 'PARTIJ', partij: caller.partij, veld },
  );
}

function verzoek(lees: () => MonitoringVerzoek): MonitoringVerzoek {
  try {
    return lees();
  } catch (error) {
    if (error instanceof OngeldigVerzoekError) {
      throw weigering(ErrorCode.ONGELDIGE_INVOER, `De monitoringvraag is ongeldig: ${error.message}`, { veld: error.veld });
    }
    throw error;
  }
}

/** One digest query per database at a time, shared by the questions that arrive while none has started. */
const digestQueries = new WeakMap<Db, Coalescer<'digest', string>>();

/**
 * The digest for a question, computed by a query that starts after the question arrived (so every
 * change committed before it is in it), shared with every question that arrived before that query
 * started: ten questions at once at 100k cases make one or two passes over the cases, not ten
 * (`coalesce.ts`, the same rule as the policy context's batches).
 */
function gedeeldeDigest(db: Db): Promise<string> {
  let queries = digestQueries.get(db);
  if (!queries) {
    queries = createCoalescer({ load: async () => new Map([['digest', await monitoringDigest(db)] as const]) });
    digestQueries.set(db, queries);
  }
  return queries.load(['digest']).then((m) => m.get('digest')!);
}

/**
 * A small least-recently-used cache of releases, one per data set, keyed by the threshold, today's
 * date and the database's digest of the rows (`monitoringDigest`). A hit reads no row at all;
 * a miss reads the rows and their digest in one snapshot, so a release is filed under the digest of
 * exactly the rows it was computed from. Concurrent requests for one data set share one computation.
 */
function rekencache(grootte: number) {
  const entries = new Map<string, Promise<Monitoringrekenaar>>();
  const bewaar = (key: string, release: Promise<Monitoringrekenaar>) => {
    entries.set(key, release);
    release.catch(() => entries.get(key) === release && entries.delete(key));
    while (entries.size > grootte) entries.delete(entries.keys().next().value as string);
  };
  return async (db: Db, nu: Date, drempel: number): Promise<Monitoringrekenaar> => {
    const sleutel = (digest: string) => `${drempel}:${kalenderdatum(nu)}:${digest}`;
    const key = sleutel(await gedeeldeDigest(db));
    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    }
    const gelezen = db.transaction(
      async (tx) => {
        const t = tx as unknown as Db;
        return { key: sleutel(await monitoringDigest(t)), rows: await laadMonitoringRijen(t, nu) };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const release = gelezen.then(({ rows }) => maakRekenaar(rows, drempel));
    // A failed read reaches this caller through `await gelezen` below (fail closed); the shared
    // promise must not also surface as an unhandled rejection when nothing else awaits it.
    release.catch(() => undefined);
    // Filed under the key it was read as; under the key asked for too while it runs, so that
    // concurrent requests share it (the two differ only when a change committed in between).
    if (grootte > 0) bewaar(key, release);
    const { key: gelezenKey } = await gelezen;
    if (grootte > 0 && gelezenKey !== key) {
      entries.delete(key);
      bewaar(gelezenKey, release);
    }
    return release;
  };
}

/** The resolvers of the monitoring alone (see {@link mergeMonitoringResolvers} to add them to the subgraph's). */
export function monitoringResolvers(options: MonitoringOptions = {}): GraphQLResolverMap<SubgraphContext> {
  const drempel = options.drempel ?? DEFAULT_THRESHOLD;
  if (!Number.isSafeInteger(drempel) || drempel < DEFAULT_THRESHOLD) {
    throw new TypeError(`monitoring: drempel moet een geheel getal van minstens ${DEFAULT_THRESHOLD} zijn, niet ${drempel}`);
  }
  const grootte = options.cacheGrootte ?? 16;
  if (!Number.isSafeInteger(grootte) || grootte < 0) throw new TypeError(`monitoring: cacheGrootte ongeldig: ${grootte}`);
  const bereken = rekencache(grootte);

  const figures = async (ctx: SubgraphContext, v: MonitoringVerzoek): Promise<RegisseurMonitoring> => {
    const [release, zonderToestemming] = await Promise.all([bereken(ctx.db, new Date(ctx.now()), drempel), telZonderToestemming(ctx.db, v)]);
    const { garantiefonds: _fonds, ...view } = naarWerkgroepMonitoring(release, v, { zonderToestemming });
    return { sleutel: monitoringSleutel(v), ...view };
  };

  return {
    Query: {
      monitoring: async (_: unknown, args: Record<string, unknown>, ctx: SubgraphContext) => {
        alleenWerkgroep(ctx.caller, 'Query.monitoring');
        return figures(ctx, verzoek(() => leesVerzoek(args as Parameters<typeof leesVerzoek>[0])));
      },
    },
    Monitoring: {
      __resolveReference: async (ref: { sleutel?: unknown }, ctx: SubgraphContext) => {
        alleenWerkgroep(ctx.caller, 'Monitoring');
        return figures(ctx, verzoek(() => verzoekUitSleutel(ref.sleutel)));
      },
    },
  };
}

/**
 * Adds the monitoring resolvers to a resolver map type by type (`Query` is shared with the routeplanner's
 * queries). A field defined twice is a wiring bug and throws at start-up.
 */
export function mergeMonitoringResolvers(
  base: GraphQLResolverMap<SubgraphContext>,
  options: MonitoringOptions = {},
): GraphQLResolverMap<SubgraphContext> {
  const merged: Record<string, Record<string, unknown>> = { ...(base as Record<string, Record<string, unknown>>) };
  for (const [type, fields] of Object.entries(monitoringResolvers(options) as Record<string, Record<string, unknown>>)) {
    const existing = merged[type] ?? {};
    const dubbel = Object.keys(fields).filter((f) => f in existing);
    if (dubbel.length > 0) throw new TypeError(`monitoring: resolver ${type}.${dubbel.join(', ')} bestaat al`);
    merged[type] = { ...existing, ...fields };
  }
  return merged as GraphQLResolverMap<SubgraphContext>;
}
