/**
 * One database handle per subgraph: embedded PGlite by default (a folder, or memory in tests), or a
 * real PostgreSQL server when a URL is configured. Same drizzle API, same migration files: what
 * changes between the two is configuration, not code.
 */
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { migrateLogboek } from './logboek/migrations.js';
import { boundWal, pgliteStartParams } from './pglite-wal.js';
import { postgres, preparedStatements, servicePoolOptions } from './postgres-client.js';

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface DatabaseOptions {
  /**
   * The subgraph's own Postgres schema; its migrations are tracked as `drizzle.<schema>_migrations`,
   * and when it holds an access log, the log's own steps follow them (`logboek/migrations.ts`).
   */
  readonly schema: string;
  /** A PostgreSQL URL; when absent, PGlite is used. */
  readonly url?: string | undefined;
  /** PGlite data folder; when absent too, an in-memory database (tests). */
  readonly dataDir?: string | undefined;
  /** The subgraph's migrations folder. */
  readonly migrationsFolder: string;
}

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Answers when the database answers a trivial query (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * PGlite's first start in a process compiles its WASM and runs initdb (seconds on two cores); every
 * further embedded database is cloned from this freshly initialised data folder instead (about one
 * second), so four subgraphs and the tests start quickly. Only an empty cluster is cached. With
 * `PGLITE_TEMPLATE` (a file holding such a dump; the test runner makes one per run) a process skips
 * its initdb too.
 */
let template: Promise<Blob> | undefined;
export function emptyCluster(): Promise<Blob> {
  const file = process.env['PGLITE_TEMPLATE'];
  template ??= file
    ? readFile(file).then(
        (dump) => new Blob([dump]),
        (error: NodeJS.ErrnoException) => {
          throw new Error(`PGLITE_TEMPLATE: ${file} is niet leesbaar (${error.code ?? error.message})`);
        },
      )
    : PGlite.create().then(async (pg) => {
        const blob = await pg.dumpDataDir('none');
        await pg.close();
        return blob;
      });
  return template;
}

async function openPglite(dataDir: string | undefined): Promise<PGlite> {
  const startParams = pgliteStartParams();
  if (dataDir && existsSync(join(dataDir, 'PG_VERSION'))) return PGlite.create({ dataDir, startParams });
  const loadDataDir = await emptyCluster();
  return PGlite.create({ ...(dataDir ? { dataDir } : {}), loadDataDir, startParams });
}

/** Seconds a PostgreSQL connection attempt may take before the waiting query fails. */
export { CONNECT_TIMEOUT_S } from './postgres-client.js';
/** Readiness answers within this, up or down. */
const PING_DEADLINE_MS = 1500;

function withDeadline<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  work.catch(() => {});
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** The advisory lock every service takes to migrate (any constant; this one spells "woonkans"). */
const MIGRATION_LOCK = 0x776f6f6e6b616e73n;

/**
 * Services that share one database may start at the same moment (the four subgraphs, or replicas of
 * one): their migrations create the shared `drizzle` schema and may apply the same migration, and
 * neither `CREATE SCHEMA IF NOT EXISTS` nor drizzle's migrator is safe against a concurrent one
 * (a duplicate-key error on `pg_namespace` stopped a start). One at a time, under a session lock.
 */
async function oneMigrationAtATime(client: ReturnType<typeof postgres>, migrate: () => Promise<void>): Promise<void> {
  const session = await client.reserve();
  try {
    await session`select pg_advisory_lock(${MIGRATION_LOCK.toString()}::bigint)`;
    try {
      await migrate();
    } finally {
      await session`select pg_advisory_unlock(${MIGRATION_LOCK.toString()}::bigint)`;
    }
  } finally {
    session.release();
  }
}

/** Where drizzle's migrator reads a schema's migrations and records what it applied. */
export function migrationConfig(schema: string, migrationsFolder: string) {
  return {
    migrationsFolder,
    // Not inside the subgraph's own schema: its first migration creates that schema.
    migrationsSchema: 'drizzle',
    migrationsTable: `${schema}_migrations`,
  };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const config = migrationConfig(options.schema, options.migrationsFolder);
  if (options.url) {
    // Fail closed fast during an outage and resume after it: the same pool options for every
    // service (see servicePoolOptions).
    const client = postgres(options.url, servicePoolOptions());
    const db = drizzlePostgres({ client: preparedStatements(client) }) as unknown as Db;
    await oneMigrationAtATime(client, async () => {
      await migratePostgres(db as never, config);
      await migrateLogboek(db, options.schema);
    });
    return {
      db,
      kind: 'postgres',
      ping: () => withDeadline(client`select 1`.then(() => undefined), PING_DEADLINE_MS, 'database antwoordt niet'),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const client = await openPglite(options.dataDir);
  const db = drizzlePglite({ client }) as unknown as Db;
  await migratePglite(db as never, config);
  await migrateLogboek(db, options.schema);
  const stopBoundingWal = boundWal(client);
  return {
    db,
    kind: 'pglite',
    ping: async () => void (await client.query('select 1')),
    close: async () => {
      stopBoundingWal();
      await client.close();
    },
  };
}
