/**
 * `npm run start:gateway`: the gateway alone, for deployment apart from the subgraphs. Configure
 * `PORT`, `<NAME>_URL` per subgraph, `JWKS_URL` (required), `JWT_ISSUER`, `JWT_AUDIENCE`,
 * `CORS_ORIGINS` and the token register's `DATABASE_URL_GATEWAY`. The development issuer never runs
 * here; it is part of `npm start`'s demo only.
 */
import { gatewayConfigFromEnv, type GatewayConfig } from './config.js';
import { openGatewayDatabase } from './database.js';
import { useWerkgroepPage } from './plugins/use-werkgroep-page.js';
import { createWoonkansGateway } from './runtime.js';

let config: GatewayConfig;
try {
  config = gatewayConfigFromEnv();
} catch (error) {
  console.error(`gateway start niet: ${(error as Error).message}`);
  process.exit(2);
}
const database = await openGatewayDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
const gateway = await createWoonkansGateway(config, { database, plugins: [useWerkgroepPage()] }).listen();
console.log(`gateway: ${gateway.url}/graphql (subgraphs: ${Object.values(config.subgraphUrls).join(', ')})`);
const stop = () =>
  gateway
    .stop()
    .then(() => database.close())
    .then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
