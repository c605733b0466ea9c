/**
 * Starts the real federation for an integration test: four subgraphs and the gateway over real
 * HTTP, on in-memory PGlite by default, or — when `TEST_DATABASE_URL` is set — on a fresh database
 * created on that PostgreSQL server and dropped afterwards. Tokens are real, signed per test.
 */
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { generateDevKeys } from '../../gateway/dev-issuer/keys.js';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { silentLogger } from '../../subgraphs/common/observability/log.js';
import { seedDemoData } from '../../scripts/demo-data/index.js';
import { launchFederation, type Federation, type FederationOptions } from '../../scripts/federation.js';

export interface TestFederation extends Federation {
  /** POSTs a GraphQL operation to the gateway as `persona` (or with a raw token string). */
  gql<T = any>(who: Persona | string, query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  /** POSTs straight to one subgraph, bypassing the gateway (for back-door tests). */
  direct<T = any>(subgraph: keyof Federation['subgraphs'], who: Persona | string | null, query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
}

export interface GqlResponse<T> {
  readonly status: number;
  readonly data: T | null | undefined;
  readonly errors: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[] | undefined;
}

/** A fresh database on that PostgreSQL server, and how to drop it. */
export async function createDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `woonkans_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

export async function startTestFederation(options: Partial<FederationOptions> = {}): Promise<TestFederation> {
  const { keys } = await generateDevKeys();
  const server = process.env['TEST_DATABASE_URL'];
  const db = server ? await createDatabase(server) : undefined;
  let fed: Federation;
  try {
    fed = await launchFederation({
      devKeys: keys,
      gatewayPort: 0,
      logger: silentLogger(),
      ...(db ? { databaseUrl: () => db.url } : {}),
      ...options,
    });
  } catch (error) {
    await db?.drop();
    throw error;
  }
  const post = async (url: string, who: Persona | string | null, query: string, variables?: Record<string, unknown>) => {
    const token = who === null ? null : typeof who === 'string' ? who : await fed.token(who);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await response.json()) as { data?: unknown; errors?: GqlResponse<unknown>['errors'] };
    return { status: response.status, data: json.data as never, errors: json.errors };
  };
  return {
    ...fed,
    gql: (who, query, variables) => post(`${fed.gatewayUrl}/graphql`, who, query, variables),
    direct: (name, who, query, variables) => post(fed.subgraphs[name].url, who, query, variables),
    stop: async () => {
      await fed.stop();
      await db?.drop();
    },
  };
}

/** Seeds the demo data (`npm start`'s) into a test federation's four databases. */
export function seedDemo(fed: Federation, now = new Date()): ReturnType<typeof seedDemoData> {
  const db = (name: keyof Federation['subgraphs']) => fed.subgraphs[name].database.db;
  return seedDemoData({ gemeente: db('gemeente'), regisseur: db('regisseur'), corporatie: db('corporatie'), garantiefonds: db('garantiefonds') }, now);
}
