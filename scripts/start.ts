/**
 * `npm start`: the whole federation in one process on embedded PostgreSQL (PGlite, kept in `.data/`
 * across restarts), with migrations applied and demo data seeded on first start. Set `DATABASE_URL`
 * (or `DATABASE_URL_<SUBGRAPH>`) to use a PostgreSQL server instead — no code change.
 */
import { gatewayConfigFromEnv, type GatewayConfig } from '../gateway/config.js';
import { loadOrCreateDevKeys } from '../gateway/dev-issuer/keys.js';
import { drainGateways } from '../gateway/plugins/use-health.js';
import { useWerkgroepPage } from '../gateway/plugins/use-werkgroep-page.js';
import { guardAgainstNullSocketWrite } from '../subgraphs/common/postgres-client.js';
import { seedDemoData } from './demo-data/index.js';
import { launchFederation } from './federation.js';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/catalog.js';
import { subgraphConfigFromEnv, type SubgraphConfig } from '../subgraphs/common/config.js';
import { runEmbeddedRetention } from '../subgraphs/assemble.js';
import { checkpointConfigFromEnv, loadCheckpointSigningKey, loadOrCreateDevCheckpointKey } from '../subgraphs/common/logboek/checkpoint.js';
import { loadOrCreateDevSleutelKey } from '../subgraphs/common/logboek/sleutel-key.js';
import { parseRetentionInterval, startRetentionSchedule } from '../subgraphs/common/retention/schedule.js';
import { observabilityConfigFromEnv, type ObservabilityConfig } from '../subgraphs/common/observability/config.js';
import { createLogger } from '../subgraphs/common/observability/log.js';

const env = process.env;
// Every setting is read before anything starts; a bad value is one line naming it, not a stack.
let config: GatewayConfig;
let subgraphConfigs: Record<SubgraphName, SubgraphConfig>;
let retentionHours: number | undefined;
let observability: ObservabilityConfig;
try {
  observability = observabilityConfigFromEnv(env);
  // The demo is the one place the development issuer runs (README, "Deploying apart").
  config = gatewayConfigFromEnv(process.env, { demo: true });
  subgraphConfigs = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, subgraphConfigFromEnv(n, DEFAULT_PORTS[n])])) as Record<SubgraphName, SubgraphConfig>;
  retentionHours = parseRetentionInterval(env['RETENTION_INTERVAL_HOURS']);
} catch (error) {
  console.error(`npm start start niet: ${(error as Error).message}`);
  process.exit(2);
}
const logger = createLogger({ level: observability.logLevel, format: observability.logFormat });
const log = logger.child({ service: 'start' });
// Last line against the postgres driver's restart defect (see subgraphs/common/postgres-client.ts).
guardAgainstNullSocketWrite(log);
const devKeys = await loadOrCreateDevKeys(config.devKeyFile);
const dataDir = env['PGLITE_DIR'] ?? '.data';
const sleutelKey = await loadOrCreateDevSleutelKey(`${dataDir}/dev-sleutel/hmac-key.json`);
// The access log's signed head checkpoints: in the data folder with a development key made at first
// start, unless LOGBOEK_CONTROLEPUNT_DIR / _KEY_FILE name a place and key of their own.
const checkpointConfig = checkpointConfigFromEnv(env, dataDir)!;
const checkpoints = {
  dir: checkpointConfig.dir,
  key: env['LOGBOEK_CONTROLEPUNT_KEY_FILE']
    ? await loadCheckpointSigningKey(checkpointConfig.keyFile)
    : await loadOrCreateDevCheckpointKey(checkpointConfig.keyFile),
};
const started = Date.now();
const fed = await launchFederation({
  devKeys,
  gatewayPort: config.port,
  subgraphPorts: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, subgraphConfigs[n].port])) as Record<SubgraphName, number>,
  host: config.host,
  issuer: config.auth.issuer,
  audience: config.auth.audience,
  dataDir,
  sleutelKey,
  checkpoints,
  databaseUrl: (name) => env[`DATABASE_URL_${name.toUpperCase()}`] ?? env['DATABASE_URL'],
  tokenPolicy: config.auth.policy,
  corsOrigins: config.corsOrigins,
  ...(config.limits ? { limits: config.limits } : {}),
  maxInFlight: config.maxInFlight,
  maxEventLoopDelayMs: config.maxEventLoopDelayMs,
  vertrouwdeDocumenten: config.vertrouwdeDocumenten,
  gatewayPlugins: [useWerkgroepPage({ devPersonas: true })],
  monitoringDrempel: subgraphConfigs.regisseur.monitoringDrempel,
  logger,
  otlpEndpoint: observability.otlpEndpoint,
});
const counts = await seedDemoData(
  {
    gemeente: fed.subgraphs.gemeente.database.db,
    regisseur: fed.subgraphs.regisseur.database.db,
    corporatie: fed.subgraphs.corporatie.database.db,
    garantiefonds: fed.subgraphs.garantiefonds.database.db,
  },
  new Date(),
);
const seeded = Object.values(counts).some((n) => n > 0);
console.log(`
Woonkans Gateway draait (${((Date.now() - started) / 1000).toFixed(1)} s, ${fed.subgraphs.gemeente.database.kind}).
  GraphQL:   ${fed.gatewayUrl}/graphql
  Werkgroep: ${fed.gatewayUrl}/werkgroep
  Health:    ${fed.gatewayUrl}/healthz  ${fed.gatewayUrl}/readyz
  Demo data: ${seeded ? `net aangemaakt (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')})` : 'al aanwezig'}

Token (ontwikkeling): npm run token -- --partij GEMEENTE --gemeente venlo
Eerste vraag:
  curl -s ${fed.gatewayUrl}/graphql -H "authorization: Bearer $(npm run -s token -- --partij GEMEENTE --gemeente venlo)" \\
       -H 'content-type: application/json' -d '{"query":"{ trajecten(eerste: 3) { code fase inwoner { naam } } }"}'
`);

const databases = {
  gemeente: fed.subgraphs.gemeente.database,
  regisseur: fed.subgraphs.regisseur.database,
  corporatie: fed.subgraphs.corporatie.database,
  garantiefonds: fed.subgraphs.garantiefonds.database,
};
const retention = retentionHours
  ? startRetentionSchedule({
      intervalHours: retentionHours,
      run: () => runEmbeddedRetention(databases, { now: new Date(), logError: (message, error) => log.error({ err: error }, message) }),
      onReport: (report) => log.info({ rapport: report }, 'retentie uitgevoerd'),
      onError: (error) => log.error({ err: error }, 'retentie mislukt'),
    })
  : undefined;

// Graceful: the gateway's readyz turns 503 first (for SHUTDOWN_DELAY_MS), its in-flight requests
// finish (at most 10 s; they are the ones using the subgraphs), then servers and databases close.
const stop = async () => {
  try {
    await retention?.stop();
    await drainGateways({ delayMs: Number(env['SHUTDOWN_DELAY_MS'] ?? 1000), timeoutMs: 10_000 });
    await fed.stop();
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, 'federatie stopt niet netjes');
    process.exit(1);
  }
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
