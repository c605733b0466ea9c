/**
 * TEST ONLY. The garantiefonds subgraph on its own, over real HTTP, with real signed tokens, its
 * real migrations on PGlite (or, with `TEST_DATABASE_URL`, on a fresh database of that PostgreSQL
 * server, dropped afterwards) and the real access log — but with the policy context served from a
 * table the test fills. So a rule test states the case facts it needs (phase, matched corporation,
 * outcome) in one line instead of walking the routeplanner, while the projection per caller is the
 * production one (`projectForCaller`). The full walk lives in the scenario test.
 */
import { createLocalJWKSet } from 'jose';
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import type { CaseContext } from '../../../schema/context.js';
import { postgresJtiRegister } from '../../../schema/identity/jti-register.js';
import { createTokenVerifier } from '../../../schema/identity/verify.js';
import { generateDevKeys } from '../../../gateway/dev-issuer/keys.js';
import { mintToken, type Persona } from '../../../gateway/dev-issuer/mint.js';
import { migrationsFolder } from '../../assemble.js';
import { openDatabase, type Database, type Db } from '../../common/database.js';
import { createLogboekWriter } from '../../common/logboek/writer.js';
import { projectForCaller } from '../../common/policy-context.js';
import type { RunningSubgraph } from '../../common/server.js';
import { silentLogger } from '../../common/observability/log.js';
import { logboek, tokenJti } from '../db/tables.js';
import { createGarantiefondsSubgraph } from '../server.js';

export interface GqlResponse<T = any> {
  readonly status: number;
  readonly data: T | null | undefined;
  readonly errors: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] | undefined;
}

export interface FondsHarness {
  readonly db: Db;
  readonly database: Database;
  readonly url: string;
  /** The cases the stub policy context knows, unprojected; tests add and change them. */
  readonly cases: Map<string, CaseContext>;
  /** When true, the policy context fails (as when the regisseur is unreachable). */
  contextDown: boolean;
  /** The clock of the subgraph; tests may move it. */
  nowMs: number;
  gql<T = any>(who: Persona | null, query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
}

const AUTH = { issuer: 'https://woonkans.test/issuer', audience: 'woonkans-test', jwksUrl: 'http://unused.invalid/jwks' };

async function freshDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const server = process.env['TEST_DATABASE_URL'];
  if (!server) {
    return { database: await openDatabase({ schema: 'garantiefonds', migrationsFolder: migrationsFolder('garantiefonds') }), drop: async () => {} };
  }
  const name = `woonkans_fonds_${randomBytes(6).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await openDatabase({ schema: 'garantiefonds', url: url.toString(), migrationsFolder: migrationsFolder('garantiefonds') });
  return {
    database,
    drop: async () => {
      const a = postgres(server, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Starts the subgraph on a free port. */
export async function startFondsHarness(start: Date = new Date('2026-03-01T10:00:00Z')): Promise<FondsHarness> {
  const { keys } = await generateDevKeys();
  const { database, drop } = await freshDatabase();
  const cases = new Map<string, CaseContext>();
  const harness = {
    db: database.db,
    database,
    cases,
    contextDown: false,
    nowMs: start.getTime(),
  } as FondsHarness & { url: string };
  const writer = createLogboekWriter({ db: database.db, schema: 'garantiefonds', subgraph: 'garantiefonds', tables: logboek, now: () => new Date(harness.nowMs) });
  const subgraph = createGarantiefondsSubgraph({
    database,
    verifyToken: createTokenVerifier(AUTH, { keys: createLocalJWKSet({ keys: [keys.publicJwk] }), jtiRegister: postgresJtiRegister(database.db, tokenJti) }),
    accessLog: writer,
    actLog: writer.act,
    policyContext: async (caller, _authorization, ids) => {
      if (harness.contextDown) throw new Error('beleidscontext onbereikbaar (test)');
      return new Map(ids.map((id) => {
        const ctx = cases.get(id);
        return [id, ctx ? projectForCaller(caller, ctx) : null];
      }));
    },
    sleutelKey: randomBytes(32),
    now: () => harness.nowMs,
    logger: silentLogger(),
  });
  let running: RunningSubgraph;
  try {
    running = await subgraph.listen(0, '127.0.0.1');
  } catch (error) {
    await database.close();
    await drop();
    throw error;
  }
  harness.url = `${running.url}/graphql`;
  harness.gql = async (who, query, variables) => {
    const token = who ? await mintToken(keys, who, { issuer: AUTH.issuer, audience: AUTH.audience }) : null;
    const response = await fetch(harness.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await response.json()) as { data?: unknown; errors?: GqlResponse['errors'] };
    return { status: response.status, data: json.data as never, errors: json.errors };
  };
  harness.stop = async () => {
    await running.stop();
    await database.close();
    await drop();
  };
  return harness;
}

/**
 * A case in the stub policy context: closed after an eviction, matched to woonwenz, under code
 * WK-7KQ3M with a lease deposit of € 600 (what the routeplanner would record).
 */
export function negatiefBeeindigd(trajectId: string, overrides: Partial<CaseContext> = {}): CaseContext {
  return {
    trajectId,
    fase: 'AFGESLOTEN',
    gemeente: 'venlo',
    regio: 'NOORD_LIMBURG',
    betrokkene: `inwoner-${trajectId}`,
    geselecteerd: ['woonwenz', 'antares'],
    gematcht: 'woonwenz',
    gekoppeldeZorgaanbieder: 'leger-des-heils',
    uitkomst: 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD',
    code: 'WK-7KQ3M',
    huur: { borgCent: 60_000, beeindiging: 'ONTRUIMD', einddatum: '2026-02-01' },
    toestemmingen: [],
    doorbrekingen: [],
    ...overrides,
  };
}
