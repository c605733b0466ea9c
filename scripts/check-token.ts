/**
 * `npm run check-token -- <token>` (or the token on stdin): checks a partner's access token against
 * this deployment's identity settings (`JWKS_URL`, `JWT_ISSUER`, `JWT_AUDIENCE`, the token bounds) rule
 * by rule and says what is wrong, for whoever configures the IdP. Without `JWKS_URL` it checks against
 * the running demo's development issuer (`npm start`, on `PORT`). Exit 0 when the services would accept
 * the token, 1 when not, 2 on bad use. The token's `jti` is not registered: checking does not use it up.
 */
import { createRemoteJWKSet } from 'jose';
import { text } from 'node:stream/consumers';
import { authConfigFromEnv } from '../schema/identity/config.js';
import { inspectToken } from '../schema/identity/inspect.js';

const token = (process.argv[2] ?? (process.stdin.isTTY ? '' : await text(process.stdin))).trim().replace(/^Bearer\s+/i, '');
if (!token) {
  console.error('Gebruik: npm run check-token -- <token>   (of het token op stdin); instellingen uit JWKS_URL, JWT_ISSUER, JWT_AUDIENCE');
  process.exit(2);
}
let config;
try {
  config = authConfigFromEnv(process.env, `http://127.0.0.1:${process.env['PORT'] ?? 4000}/dev/jwks.json`);
} catch (error) {
  console.error(`check-token: ${(error as Error).message}`);
  process.exit(2);
}
const checks = await inspectToken(token, config, { keys: createRemoteJWKSet(new URL(config.jwksUrl)) });
for (const { regel, ok, uitleg } of checks) console.log(`${ok ? '✓' : '✗'} ${regel}: ${uitleg}`);
const broken = checks.filter((c) => !c.ok).length;
console.log(broken === 0 ? 'Dit token wordt aanvaard.' : `Dit token wordt geweigerd: ${broken} regel(s) gebroken.`);
process.exit(broken === 0 ? 0 : 1);
