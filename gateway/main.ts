/**
 * `npm run start:gateway`: the gateway alone, for deployment apart from the subgraphs. Configure
 * `PORT`, `<NAME>_URL` per subgraph, `JWKS_URL` (required), `JWT_ISSUER`, `JWT_AUDIENCE`,
 * `CORS_ORIGINS` and the token register's `DATABASE_URL_GATEWAY`. The development issuer never runs
 * here; it is part of `npm start`'s demo only.
 */
import { gatewayConfigFromEnv, type GatewayConfig } from './config.js';
import { openGatewayDatabase } from './database.js';
import { guardAgainstNullSocketWrite } from '../subgraphs/common/postgres-client.js';
import { drainGateways } from './plugins/use-health.js';
import { useWerkgroepPage } from './plugins/use-werkgroep-page.js';
import { createWoonkansGateway } from './runtime.js';
import { observabilityConfigFromEnv, type ObservabilityConfig } from '../subgraphs/common/observability/config.js';
import { createLogger } from '../subgraphs/common/observability/log.js';

let config: GatewayConfig;
let observability: ObservabilityConfig;
try {
  config = gatewayConfigFromEnv();
  observability = observabilityConfigFromEnv();
} catch (error) {
  console.error(`gateway start niet: ${(error as Error).message}`);
  process.exit(2);
}
const logger = createLogger({ level: observability.logLevel, format: observability.logFormat });
const log = logger.child({ service: 'gateway' });
// Last line against the postgres driver's restart defect (see subgraphs/common/postgres-client.ts).
guardAgainstNullSocketWrite(log);
const database = await openGatewayDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
const gateway = await createWoonkansGateway(config, { database, plugins: [useWerkgroepPage()], logger, otlpEndpoint: observability.otlpEndpoint }).listen();
log.info({ url: `${gateway.url}/graphql`, subgraphs: Object.values(config.subgraphUrls), tracing: Boolean(observability.otlpEndpoint) }, 'gestart');
// Graceful: readyz 503 first (for SHUTDOWN_DELAY_MS), in-flight requests finish (at most 10 s),
// then the server and the database close.
const stop = () =>
  drainGateways({ delayMs: Number(process.env['SHUTDOWN_DELAY_MS'] ?? 1000), timeoutMs: 10_000 })
    .then(() => gateway.stop())
    .then(() => database.close())
    .then(
      () => process.exit(0),
      (error) => {
        log.error({ err: error }, 'stopt niet netjes');
        process.exit(1);
      },
    );
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
