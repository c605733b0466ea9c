/**
 * Starts the whole federation in one process: the four subgraphs over real HTTP, each on its own
 * database (embedded PGlite or a PostgreSQL server), and the gateway in front. `npm start` and the
 * integration tests both use it; only the options differ.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { GatewayConfig } from '../gateway/config.js';
import { openGatewayDatabase } from '../gateway/database.js';
import type { DevKeys } from '../gateway/dev-issuer/keys.js';
import { mintToken, type Persona } from '../gateway/dev-issuer/mint.js';
import { createWoonkansGateway } from '../gateway/runtime.js';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { assembleSubgraph, type AssembleOptions, type AssembledSubgraph } from '../subgraphs/assemble.js';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/catalog.js';
import type { RunningSubgraph } from '../subgraphs/common/server.js';
import type { AuthConfig } from '../schema/identity/config.js';
import { DEFAULT_TOKEN_POLICY, type TokenPolicy } from '../schema/identity/token-policy.js';
import type { Logger } from '../subgraphs/common/observability/log.js';

export interface FederationOptions {
  readonly devKeys: DevKeys;
  /** 0 picks free ports for everything (tests). @default 4000 */
  readonly gatewayPort?: number;
  /** Ports per subgraph. @default 4001–4004 (see `DEFAULT_PORTS`) */
  readonly subgraphPorts?: Partial<Record<SubgraphName, number>>;
  readonly host?: string;
  /** A PostgreSQL URL per subgraph and for the gateway's token register; absent → PGlite. */
  readonly databaseUrl?: (name: SubgraphName | 'gateway') => string | undefined;
  /** PGlite folder root; absent → in memory. */
  readonly dataDir?: string;
  readonly issuer?: string;
  readonly audience?: string;
  /** Token lifetime and clock-skew bounds (NL GOV). @default DEFAULT_TOKEN_POLICY */
  readonly tokenPolicy?: TokenPolicy;
  /** The key that signs the log's `sleutel`. @default a fresh random key */
  readonly sleutelKey?: Uint8Array;
  /** The access log's signed head checkpoints: where, and the signing key (none: truncation not detectable). */
  readonly checkpoints?: AssembleOptions['checkpoints'];
  /** Browser origins allowed cross-origin at the gateway. @default none */
  readonly corsOrigins?: readonly string[];
  /** The gateway's operation limits and load shedding (`MAX_*`, `LIST_SIZE`, `MAX_IN_FLIGHT`). @default the gateway's defaults */
  readonly limits?: GatewayConfig['limits'];
  readonly maxInFlight?: number | undefined;
  /** The gateway's event-loop delay for shedding (`MAX_EVENT_LOOP_DELAY_MS`). @default off */
  readonly maxEventLoopDelayMs?: number | undefined;
  /** Trusted documents required of partners (`VERTROUWDE_DOCUMENTEN`). @default 'uit' */
  readonly vertrouwdeDocumenten?: GatewayConfig['vertrouwdeDocumenten'];
  readonly now?: () => number;
  readonly gatewayPlugins?: GatewayPlugin[];
  /** The process's logger, shared by the gateway and the subgraphs (each binds its `service`). @default JSON on stdout */
  readonly logger?: Logger;
  /** The OTLP/HTTP collector for every service's spans (`OTEL_EXPORTER_OTLP_ENDPOINT`). @default none: no tracing */
  readonly otlpEndpoint?: string | undefined;
  /** The Werkgroep's small-cell threshold. @default 5 */
  readonly monitoringDrempel?: number | undefined;
}

export interface Federation {
  readonly gatewayUrl: string;
  readonly subgraphs: Readonly<Record<SubgraphName, AssembledSubgraph & { url: string }>>;
  readonly config: GatewayConfig;
  /** The key every subgraph signs and checks the log's `sleutel` with (tests sign insider keys). */
  readonly sleutelKey: Uint8Array;
  token(persona: Persona, ttlSeconds?: number): Promise<string>;
  stop(): Promise<void>;
}

// A port the kernel hands out for listen(0) comes from its ephemeral range (Linux: 32768–60999).
// Picked that way and bound seconds later (after migrations), it could meanwhile be handed to any
// other listen(0) — a parallel test's server or an outgoing connection — and the bind fails with
// EADDRINUSE. Ports are therefore picked below that range, from a slice per process starting at a
// random offset, and checked free by binding once.
const PICK_FROM = 20_000;
const PICK_SLICE = 500;
const PICK_SLICES = Math.floor((32_768 - PICK_FROM) / PICK_SLICE);
const pickSlice = PICK_FROM + (process.pid % PICK_SLICES) * PICK_SLICE;
let pickNext = Math.floor(Math.random() * PICK_SLICE);

function bindable(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  for (let tries = 0; tries < PICK_SLICE; tries++) {
    const port = pickSlice + (pickNext++ % PICK_SLICE);
    if (await bindable(port, host)) return port;
  }
  throw new Error(`no free port between ${pickSlice} and ${pickSlice + PICK_SLICE - 1}`);
}

export async function launchFederation(options: FederationOptions): Promise<Federation> {
  const host = options.host ?? '127.0.0.1';
  const pick = async (port: number) => (options.gatewayPort === 0 ? freePort(host) : port);
  const gatewayPort = await pick(options.gatewayPort ?? 4000);
  const ports = Object.fromEntries(
    await Promise.all(SUBGRAPH_NAMES.map(async (n) => [n, await pick(options.subgraphPorts?.[n] ?? DEFAULT_PORTS[n])] as const)),
  ) as Record<SubgraphName, number>;
  const base = (n: SubgraphName) => `http://${host}:${ports[n]}`;
  const auth: AuthConfig = {
    issuer: options.issuer ?? 'https://woonkans.dev/issuer',
    audience: options.audience ?? 'woonkans-gateway',
    jwksUrl: `http://${host}:${gatewayPort}/dev/jwks.json`,
    policy: options.tokenPolicy ?? DEFAULT_TOKEN_POLICY,
  };

  const sleutelKey = options.sleutelKey ?? randomBytes(32);
  const running: RunningSubgraph[] = [];
  const assembled = {} as Record<SubgraphName, AssembledSubgraph & { url: string }>;
  const gatewayDataDir = options.dataDir ? `${options.dataDir}/gateway` : undefined;
  const gatewayDatabase = await openGatewayDatabase({ url: options.databaseUrl?.('gateway'), dataDir: gatewayDataDir });
  const stopAll = async () => {
    await Promise.allSettled(running.map((r) => r.stop()));
    await Promise.allSettled([...Object.values(assembled).map((a) => a.database.close()), gatewayDatabase.close()]);
  };
  try {
    for (const name of SUBGRAPH_NAMES) {
      const a = await assembleSubgraph({
        name,
        databaseUrl: options.databaseUrl?.(name),
        dataDir: options.dataDir ? `${options.dataDir}/${name}` : undefined,
        regisseurUrl: base('regisseur'),
        auth,
        sleutelKey,
        checkpoints: options.checkpoints,
        ...(options.now ? { now: options.now } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
        otlpEndpoint: options.otlpEndpoint,
        monitoringDrempel: options.monitoringDrempel,
      });
      const r = await a.subgraph.listen(ports[name], host);
      running.push(r);
      assembled[name] = { ...a, url: `${r.url}/graphql` };
    }
  } catch (error) {
    await stopAll();
    throw error;
  }

  const config: GatewayConfig = {
    port: gatewayPort,
    host,
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, assembled[n].url])) as Record<SubgraphName, string>,
    auth,
    devIssuer: true,
    devKeyFile: '',
    databaseUrl: options.databaseUrl?.('gateway'),
    dataDir: gatewayDataDir,
    corsOrigins: options.corsOrigins ?? [],
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.maxInFlight ? { maxInFlight: options.maxInFlight } : {}),
    ...(options.maxEventLoopDelayMs ? { maxEventLoopDelayMs: options.maxEventLoopDelayMs } : {}),
    ...(options.vertrouwdeDocumenten ? { vertrouwdeDocumenten: options.vertrouwdeDocumenten } : {}),
  };
  const gateway = await createWoonkansGateway(config, {
    database: gatewayDatabase,
    devKeys: options.devKeys,
    ...(options.gatewayPlugins ? { plugins: options.gatewayPlugins } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    otlpEndpoint: options.otlpEndpoint,
  }).listen();

  return {
    gatewayUrl: gateway.url,
    subgraphs: assembled,
    config,
    sleutelKey,
    token: (persona, ttlSeconds) => mintToken(options.devKeys, persona, { issuer: auth.issuer, audience: auth.audience, ...(ttlSeconds ? { ttlSeconds } : {}) }),
    stop: async () => {
      await gateway.stop();
      await stopAll();
    },
  };
}
