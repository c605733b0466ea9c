/**
 * The gateway's configuration, parsed once from the environment into a frozen object; bad values
 * throw at boot. `process.env` is read here and nowhere else in the gateway.
 */
import { authConfigFromEnv, type AuthConfig } from '../schema/identity/config.js';
import { limitsFromEnv, type OperationLimits } from '../schema/limits/operation-limits.js';
import { SUBGRAPH_NAMES_FOR_GATEWAY, type GatewaySubgraphName } from './subgraph-names.js';
import { VERTROUWDE_DOCUMENTEN_MODI, type VertrouwdeDocumentenModus } from './trusted-documents/enforcement.js';

export interface GatewayConfig {
  readonly port: number;
  readonly host: string;
  /** Subgraph URLs (`<NAME>_URL`), e.g. `GEMEENTE_URL=http://gemeente:4001/graphql`. */
  readonly subgraphUrls: Readonly<Record<GatewaySubgraphName, string>>;
  readonly auth: AuthConfig;
  /** Serve the development issuer (`/dev/jwks.json`, `/dev/token`): only when `npm start` runs the demo. */
  readonly devIssuer: boolean;
  /** Where the development issuer keeps its key (outside git). */
  readonly devKeyFile: string;
  /** The token register's PostgreSQL (`DATABASE_URL_GATEWAY` or `DATABASE_URL`); PGlite in `dataDir` otherwise. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string | undefined;
  /** Browser origins allowed to call cross-origin (`CORS_ORIGINS`, comma-separated); none by default. */
  readonly corsOrigins: readonly string[];
  /** Operation limits (`MAX_BODY_BYTES`, `MAX_TOKENS`, `MAX_DEPTH`, `MAX_ALIASES`, `MAX_ROOT_FIELDS`, `MAX_DIRECTIVES`, `MAX_COST`, `LIST_SIZE`). @default DEFAULT_LIMITS */
  readonly limits?: OperationLimits;
  /** Requests in progress at most before new ones get 503 OVERBELAST (`MAX_IN_FLIGHT`). @default 256 */
  readonly maxInFlight?: number;
  /** The event loop's delay (ms) beyond which new requests get 503 OVERBELAST (`MAX_EVENT_LOOP_DELAY_MS`; 0 is off). @default 1000 */
  readonly maxEventLoopDelayMs?: number;
  /** `verplicht`: a partner's operation runs only as an approved trusted document, by id (`VERTROUWDE_DOCUMENTEN`). @default 'uit' */
  readonly vertrouwdeDocumenten?: VertrouwdeDocumentenModus;
}

export interface GatewayConfigOptions {
  /** `npm start`'s demo: the development issuer runs and is the JWKS. Never for a deployed gateway. */
  readonly demo?: boolean;
}

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new TypeError(`${name} moet een poortnummer zijn, niet "${raw}"`);
  return n;
}

function positiveInt(env: Env, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new TypeError(`${name} moet een ${min === 0 ? 'niet-negatief' : 'positief'} geheel getal zijn, niet "${raw}"`);
  return n;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!(values as readonly string[]).includes(raw.trim())) throw new TypeError(`${name} moet ${values.join(' of ')} zijn, niet "${raw}"`);
  return raw.trim() as T;
}

/** Exact origins only (`https://host[:port]`): a wildcard or a path would widen what is allowed. */
export function parseCorsOrigins(raw: string | undefined): readonly string[] {
  const origins = (raw ?? '').split(',').map((o) => o.trim()).filter((o) => o !== '');
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin) {
      throw new TypeError(`CORS_ORIGINS: "${origin}" is geen exacte origin (zoals https://dashboard.example); * en paden zijn niet toegestaan`);
    }
  }
  return Object.freeze(origins);
}

/** Where the gateway's own database is: `DATABASE_URL_GATEWAY` or `DATABASE_URL`, else PGlite under `PGLITE_DIR`. */
export function gatewayDatabaseFromEnv(env: Env = process.env): Pick<GatewayConfig, 'databaseUrl' | 'dataDir'> {
  return { databaseUrl: env['DATABASE_URL_GATEWAY'] || env['DATABASE_URL'] || undefined, dataDir: `${env['PGLITE_DIR'] ?? '.data'}/gateway` };
}

export function gatewayConfigFromEnv(env: Env = process.env, { demo = false }: GatewayConfigOptions = {}): GatewayConfig {
  const p = port(env, 'PORT', 4000);
  const host = env['HOST'] ?? '127.0.0.1';
  const self = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${p}`;
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_NAMES_FOR_GATEWAY.map((name, i) => {
      const url = env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${4001 + i}/graphql`;
      new URL(url); // throws on a malformed URL at boot
      return [name, url];
    }),
  ) as Record<GatewaySubgraphName, string>;
  return Object.freeze({
    port: p,
    host,
    subgraphUrls: Object.freeze(subgraphUrls),
    auth: authConfigFromEnv(env, demo ? `${self}/dev/jwks.json` : undefined),
    devIssuer: demo,
    devKeyFile: env['DEV_KEY_FILE'] ?? '.data/dev-issuer/signing-key.json',
    ...gatewayDatabaseFromEnv(env),
    corsOrigins: parseCorsOrigins(env['CORS_ORIGINS']),
    limits: limitsFromEnv(env),
    maxInFlight: positiveInt(env, 'MAX_IN_FLIGHT', 256),
    maxEventLoopDelayMs: positiveInt(env, 'MAX_EVENT_LOOP_DELAY_MS', 1000, 0),
    vertrouwdeDocumenten: oneOf(env, 'VERTROUWDE_DOCUMENTEN', VERTROUWDE_DOCUMENTEN_MODI, 'uit'),
  });
}
