/**
 * `npm run start:gateway`: the gateway alone, for deployment apart from the subgraphs. Configure
 * `PORT`, `<NAME>_URL` per subgraph, `JWKS_URL`, `JWT_ISSUER`, `JWT_AUDIENCE`; set `DEV_ISSUER=false`
 * in production so the development issuer is not served.
 */
import { gatewayConfigFromEnv } from './config.js';
import { loadOrCreateDevKeys } from './dev-issuer/keys.js';
import { useWerkgroepPage } from './plugins/use-werkgroep-page.js';
import { createWoonkansGateway } from './runtime.js';

const config = gatewayConfigFromEnv();
const devKeys = config.devIssuer ? await loadOrCreateDevKeys(config.devKeyFile) : undefined;
const gateway = await createWoonkansGateway(config, {
  ...(devKeys ? { devKeys } : {}),
  plugins: [useWerkgroepPage({ devPersonas: config.devIssuer })],
}).listen();
console.log(`gateway: ${gateway.url}/graphql (subgraphs: ${Object.values(config.subgraphUrls).join(', ')})`);
const stop = () => gateway.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
