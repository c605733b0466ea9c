/**
 * `npm run start:subgraph -- <gemeente|regisseur|corporatie|garantiefonds>`: one subgraph alone, as
 * each organisation would deploy it, on its own database (`DATABASE_URL_<NAME>` or `DATABASE_URL`;
 * PGlite in `.data/<name>` otherwise), with `REGISSEUR_URL`, `JWKS_URL` (required), `JWT_ISSUER`,
 * `JWT_AUDIENCE` and the token bounds `TOKEN_MAX_LIFETIME_S`, `TOKEN_MAX_LIFETIME_MACHINE_S`, `TOKEN_CLOCK_SKEW_S`.
 */
import { readFile } from 'node:fs/promises';
import { authConfigFromEnv, type AuthConfig } from '../schema/identity/config.js';
import { assembleSubgraph, runSubgraphRetention } from './assemble.js';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from './catalog.js';
import { subgraphConfigFromEnv, type SubgraphConfig } from './common/config.js';
import { checkpointConfigFromEnv, loadCheckpointSigningKey, type CheckpointSigningKey } from './common/logboek/checkpoint.js';
import { loadSleutelKey, sleutelKeyFileFromEnv } from './common/logboek/sleutel-key.js';
import { guardAgainstNullSocketWrite } from './common/postgres-client.js';
import { startRetentionSchedule } from './common/retention/schedule.js';
import { observabilityConfigFromEnv, type ObservabilityConfig } from './common/observability/config.js';
import { createLogger } from './common/observability/log.js';

const name = process.argv[2] as SubgraphName | undefined;
if (!name || !SUBGRAPH_NAMES.includes(name)) {
  console.error(`Gebruik: npm run start:subgraph -- <${SUBGRAPH_NAMES.join('|')}>`);
  process.exit(2);
}
let config: SubgraphConfig;
let auth: AuthConfig;
let sleutelKey: Uint8Array;
let checkpoints: { dir: string; key: CheckpointSigningKey } | undefined;
let observability: ObservabilityConfig;
try {
  observability = observabilityConfigFromEnv();
  config = subgraphConfigFromEnv(name, DEFAULT_PORTS[name]);
  // No development issuer or key here: a subgraph deployed on its own trusts only its configuration.
  auth = authConfigFromEnv(process.env);
  sleutelKey = await loadSleutelKey(sleutelKeyFileFromEnv(process.env));
  const checkpoint = checkpointConfigFromEnv(process.env);
  if (checkpoint) checkpoints = { dir: checkpoint.dir, key: await loadCheckpointSigningKey(checkpoint.keyFile) };
} catch (error) {
  console.error(`${name} start niet: ${(error as Error).message}`);
  process.exit(2);
}
const logger = createLogger({ level: observability.logLevel, format: observability.logFormat });
const log = logger.child({ service: name });
// Last line against the postgres driver's restart defect (see common/postgres-client.ts).
guardAgainstNullSocketWrite(log);
const { subgraph, database } = await assembleSubgraph({
  name,
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  regisseurUrl: config.regisseurUrl,
  auth,
  sleutelKey,
  checkpoints,
  monitoringDrempel: config.monitoringDrempel,
  logger,
  otlpEndpoint: observability.otlpEndpoint,
});
if (!checkpoints) {
  log.warn('zonder LOGBOEK_CONTROLEPUNT_DIR en LOGBOEK_CONTROLEPUNT_KEY_FILE is afkappen van de nieuwste logboekrijen niet te ontdekken');
}
const running = await subgraph.listen(config.port, config.host);
log.info({ url: `${running.url}/graphql`, database: database.kind, tracing: Boolean(observability.otlpEndpoint) }, 'gestart');

const tokenFile = config.retentionTokenFile;
if (config.retentionIntervalHours && name !== 'regisseur' && !tokenFile) {
  console.error('RETENTION_INTERVAL_HOURS vraagt RETENTION_TOKEN_FILE (token van de eigen organisatie) om de regisseur te raadplegen');
  process.exit(2);
}
const retention = config.retentionIntervalHours
  ? startRetentionSchedule({
      intervalHours: config.retentionIntervalHours,
      run: () =>
        runSubgraphRetention(name, database, {
          now: new Date(),
          logError: (message, error) => log.error({ err: error }, message),
          ...(tokenFile
            ? { regisseur: { url: config.regisseurUrl, token: async () => (await readFile(tokenFile, 'utf8')).trim() } }
            : {}),
        }),
      onReport: (report) => log.info({ rapport: report }, 'retentie uitgevoerd'),
      onError: (error) => log.error({ err: error }, 'retentie mislukt'),
    })
  : undefined;
// Graceful: readyz 503 first (for SHUTDOWN_DELAY_MS), in-flight requests finish (at most 10 s),
// then the server and the database close.
const stop = async () => {
  try {
    await retention?.stop();
    await running.stop({ delayMs: Number(process.env['SHUTDOWN_DELAY_MS'] ?? 1000), timeoutMs: 10_000 });
    await database.close();
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, 'stopt niet netjes');
    process.exit(1);
  }
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
