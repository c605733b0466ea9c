/**
 * The gateway's configuration, parsed once from the environment into a frozen object; bad values
 * throw at boot. `process.env` is read here and nowhere else in the gateway.
 */
import { SUBGRAPH_NAMES_FOR_GATEWAY, type GatewaySubgraphName } from './subgraph-names.js';

export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  /** Subgraph URLs (`<NAME>_URL`), e.g. `GEMEENTE_URL=http://gemeente:4001/graphql`. */
  readonly subgraphUrls: Readonly<Record<GatewaySubgraphName, string>>;
  readonly auth: { readonly issuer: string; readonly audience: string; readonly jwksUrl: string };
  /** Serve the development issuer (`/dev/jwks.json`, `/dev/token`). Never in production. */
  readonly devIssuer: boolean;
  /** Where the development issuer keeps its key (outside git). */
  readonly devKeyFile: string;
}

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new TypeError(`${name} moet een poortnummer zijn, niet "${raw}"`);
  return n;
}

export function gatewayConfigFromEnv(env: Env = process.env): GatewayConfig {
  const p = port(env, 'PORT', 4000);
  const host = env['HOST'] ?? '127.0.0.1';
  const devIssuer = (env['DEV_ISSUER'] ?? 'true') === 'true';
  const self = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${p}`;
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_NAMES_FOR_GATEWAY.map((name, i) => {
      const url = env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${4001 + i}/graphql`;
      new URL(url); // throws on a malformed URL at boot
      return [name, url];
    }),
  ) as Record<GatewaySubgraphName, string>;
  const jwksUrl = env['JWKS_URL'] ?? (devIssuer ? `${self}/dev/jwks.json` : undefined);
  if (!jwksUrl) throw new TypeError('JWKS_URL is verplicht wanneer DEV_ISSUER niet aan staat');
  return Object.freeze({
    port: p,
    host,
    subgraphUrls: Object.freeze(subgraphUrls),
    auth: Object.freeze({
      issuer: env['JWT_ISSUER'] ?? 'https://woonkans.dev/issuer',
      audience: env['JWT_AUDIENCE'] ?? 'woonkans-gateway',
      jwksUrl,
    }),
    devIssuer,
    devKeyFile: env['DEV_KEY_FILE'] ?? '.data/dev-issuer/signing-key.json',
  });
}
