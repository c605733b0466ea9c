/**
 * Builds one subgraph from its configuration: its database (PGlite or PostgreSQL, migrated), its
 * token verifier, its access log (writer and read side) and — for all but the regisseur — the
 * regisseur's policy context and routeplanner over HTTP. Used by the embedded launcher and by
 * `npm run start:subgraph`. Also composes each subgraph's retention (`npm run retention` and the
 * service's schedule), since only here are all subgraphs' tables known together.
 */
import { inArray } from 'drizzle-orm';
import type { JWTVerifyGetKey } from 'jose';
import type { AuthConfig } from '../schema/identity/config.js';
import { cachedJtiRegister, postgresJtiRegister } from '../schema/identity/jti-register.js';
import { createTokenVerifier } from '../schema/identity/verify.js';
import { doseringTransformer } from '../schema/transform.js';
import type { SubgraphName } from './catalog.js';
import { openDatabase, type Database } from './common/database.js';
import { createCheckpointPublisher, type CheckpointSigningKey } from './common/logboek/checkpoint.js';
import { regisseurVerantwoording } from './regisseur/verantwoording.js';
import type { LogboekLezer } from './common/logboek/resolvers.js';
import { createLogboekWriter } from './common/logboek/writer.js';
import { createLogger, type Logger } from './common/observability/log.js';
import { createSubgraphMetrics, timed } from './common/observability/metrics.js';
import { createSubgraphTracer, otlpExporter } from './common/observability/tracing.js';
import { remotePolicyContext } from './common/policy-context.js';
import {
  voerRetentieUit,
  voerSubgraphRetentieUit,
  type RetentieDeelnemer,
  type RetentieOptions,
  type RetentieRapport,
  type SubgraphRetentieRapport,
} from './common/retention/cyclus.js';
import { remoteBewaartermijn } from './common/retention/route.js';
import { inBatches, type SubgraphRetentie, type VerlopenBron } from './common/retention/types.js';
import { remoteRouteplanner } from './common/routeplanner-client.js';
import type { Subgraph } from './common/server.js';
import { createCorporatieSubgraph } from './corporatie/server.js';
import { logboek as corporatieLog, tokenJti as corporatieJti } from './corporatie/db/tables.js';
import { corporatieRetentie } from './corporatie/retention.js';
import { createGarantiefondsSubgraph } from './garantiefonds/server.js';
import { logboek as fondsLog, tokenJti as fondsJti } from './garantiefonds/db/tables.js';
import { garantiefondsRetentie } from './garantiefonds/retention.js';
import { createGemeenteSubgraph } from './gemeente/server.js';
import { logboek as gemeenteLog, tokenJti as gemeenteJti } from './gemeente/db/tables.js';
import { gemeenteRetentie } from './gemeente/retention.js';
import { createRegisseurSubgraph } from './regisseur/server.js';
import { logboek as regisseurLog, tokenJti as regisseurJti, trajecten } from './regisseur/db/tables.js';
import { beoordeelTermijnen, regisseurRetentie, verlopenAntwoord, verlopenVoor } from './regisseur/retention.js';
import { anyOf } from './common/any-of.js';

const LOGS = { gemeente: gemeenteLog, regisseur: regisseurLog, corporatie: corporatieLog, garantiefonds: fondsLog };
const JTI_TABLES = { gemeente: gemeenteJti, regisseur: regisseurJti, corporatie: corporatieJti, garantiefonds: fondsJti };

/** Each subgraph's access log: its Postgres schema is named after it. */
export const logboekVan = (name: SubgraphName): LogboekLezer => ({ schema: name, tables: LOGS[name] });

/** Each subgraph's own retention (`subgraphs/<name>/retention.ts`). */
export const RETENTIE: Readonly<Record<SubgraphName, SubgraphRetentie>> = {
  gemeente: gemeenteRetentie,
  regisseur: regisseurRetentie,
  corporatie: corporatieRetentie,
  garantiefonds: garantiefondsRetentie,
};

export const migrationsFolder = (name: SubgraphName) => new URL(`./${name}/migrations`, import.meta.url).pathname;

export interface AssembleOptions {
  readonly name: SubgraphName;
  readonly databaseUrl?: string | undefined;
  readonly dataDir?: string | undefined;
  readonly regisseurUrl: string;
  readonly auth: AuthConfig;
  /** Keys to verify with instead of fetching the JWKS (only for in-process tests of a single subgraph). */
  readonly keys?: JWTVerifyGetKey;
  readonly now?: () => number;
  /** The process's logger; the subgraph logs through `logger.child({ service: name })`. @default JSON on stdout */
  readonly logger?: Logger;
  /** The OTLP/HTTP collector (`OTEL_EXPORTER_OTLP_ENDPOINT`); unset, no spans are recorded. */
  readonly otlpEndpoint?: string | undefined;
  /** The regisseur's small-cell threshold for the Werkgroep's figures (`MONITORING_DREMPEL`). */
  readonly monitoringDrempel?: number | undefined;
  /** Signs and checks the log's `sleutel`; the same in every subgraph of the federation. */
  readonly sleutelKey: Uint8Array;
  /**
   * Where the access log's signed head checkpoints go, and the key that signs them
   * (`LOGBOEK_CONTROLEPUNT_DIR`/`_KEY_FILE`); without, truncation of the newest rows is not detectable.
   */
  readonly checkpoints?: { readonly dir: string; readonly key: CheckpointSigningKey } | undefined;
}

export interface AssembledSubgraph {
  readonly subgraph: Subgraph;
  readonly database: Database;
}

export async function assembleSubgraph(options: AssembleOptions): Promise<AssembledSubgraph> {
  const { name } = options;
  const database = await openDatabase({
    schema: name,
    url: options.databaseUrl,
    dataDir: options.databaseUrl ? undefined : options.dataDir,
    migrationsFolder: migrationsFolder(name),
  });
  const now = options.now ?? Date.now;
  const logger = (options.logger ?? createLogger()).child({ service: name });
  const metrics = createSubgraphMetrics(name);
  const writer = createLogboekWriter({
    db: database.db,
    schema: name,
    subgraph: name,
    tables: LOGS[name],
    now: () => new Date(now()),
    onCheckpointError: (error) => logger.error({ err: error }, 'controlepunt van het logboek niet gepubliceerd'),
    timeBatch: (write) => timed(metrics.accessLogBatch, write),
    ...(options.checkpoints
      ? { checkpoint: createCheckpointPublisher({ dir: options.checkpoints.dir, schema: name, key: options.checkpoints.key }) }
      : {}),
  });
  const base = {
    logger,
    metrics,
    ...(options.otlpEndpoint ? { tracer: createSubgraphTracer(name, otlpExporter(options.otlpEndpoint)) } : {}),
    database,
    verifyToken: createTokenVerifier(options.auth, {
      keys: options.keys,
      jtiRegister: cachedJtiRegister(postgresJtiRegister(database.db, JTI_TABLES[name])),
    }),
    accessLog: writer,
    actLog: writer.act,
    doseer: doseringTransformer,
    logboek: logboekVan(name),
    sleutelKey: options.sleutelKey,
    now,
  };
  const policyContext = remotePolicyContext({ url: options.regisseurUrl });
  const routeplanner = remoteRouteplanner(options.regisseurUrl);
  const subgraph =
    name === 'regisseur'
      ? createRegisseurSubgraph({
          ...base,
          monitoringDrempel: options.monitoringDrempel,
          verantwoording: regisseurVerantwoording(database.db),
          bewaartermijn: (caller, kandidaten, at) => verlopenVoor(database.db, caller, at, kandidaten),
        })
      : name === 'gemeente'
        ? createGemeenteSubgraph({ ...base, policyContext, routeplanner })
        : name === 'corporatie'
          ? createCorporatieSubgraph({ ...base, policyContext, routeplanner })
          : createGarantiefondsSubgraph({ ...base, policyContext });
  return { subgraph, database };
}

const deelnemer = (name: SubgraphName, database: Database): RetentieDeelnemer => ({
  retentie: RETENTIE[name],
  db: database.db,
  logboek: logboekVan(name),
});

/**
 * Retention over all four subgraphs in one process (embedded, or `npm run retention` with every
 * database reachable): the regisseur's tables decide, the others delete first, the regisseur last.
 */
export function runEmbeddedRetention(
  databases: Readonly<Record<SubgraphName, Database>>,
  options: RetentieOptions,
): Promise<RetentieRapport> {
  const regisseurDb = databases.regisseur.db;
  return voerRetentieUit({
    ...options,
    regisseur: deelnemer('regisseur', databases.regisseur),
    anderen: (['gemeente', 'corporatie', 'garantiefonds'] as const).map((n) => deelnemer(n, databases[n])),
    beoordeel: (at) => beoordeelTermijnen(regisseurDb, at),
    inGebruik: async (ids) => {
      const held = new Set<string>();
      for (const batch of inBatches(ids)) {
        for (const r of await regisseurDb.select({ id: trajecten.id }).from(trajecten).where(anyOf(trajecten.id, batch))) held.add(r.id);
      }
      return held;
    },
  });
}

export interface SubgraphRetentionOptions extends RetentieOptions {
  /** For every subgraph but the regisseur: where to ask, and the organisation's own token. */
  readonly regisseur?: { readonly url: string; readonly token: () => Promise<string> };
  /**
   * The regisseur only: days it keeps an expired case after its term before deleting its own rows,
   * so that the organisations deployed apart (which ask it) learn of the expiry first. @default 30
   */
  readonly nazorgDagen?: number;
}

/** Retention of one subgraph deployed on its own (its service's schedule, or `npm run retention -- --subgraph`). */
export function runSubgraphRetention(name: SubgraphName, database: Database, options: SubgraphRetentionOptions): Promise<SubgraphRetentieRapport> {
  let bron: VerlopenBron;
  if (name === 'regisseur') {
    const nazorg = options.nazorgDagen ?? 30;
    if (!Number.isInteger(nazorg) || nazorg < 0) throw new RangeError('nazorgDagen: a whole number of days >= 0');
    const at = new Date(options.now.getTime() - nazorg * 86_400_000);
    bron = (ids) => verlopenAntwoord(database.db, at, ids);
  } else {
    if (!options.regisseur) throw new TypeError(`retentie van ${name}: de regisseur (url, token) is nodig`);
    bron = remoteBewaartermijn(options.regisseur);
  }
  return voerSubgraphRetentieUit({ ...options, deelnemer: deelnemer(name, database), bron });
}
