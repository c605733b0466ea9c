/**
 * Services sharing one PostgreSQL database start at the same moment without tripping over each
 * other's migrations (the soak once stopped on a duplicate `drizzle` schema).
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import { describe, expect, it, vi } from 'vitest';
import { migrationsFolder } from '../assemble.js';
import { SUBGRAPH_NAMES } from '../catalog.js';
import { emptyCluster, openDatabase } from './database.js';
import { postgres, preparedStatements } from './postgres-client.js';
import { rowsOf } from './rows.js';
import type { Db } from './database.js';

const server = process.env['TEST_DATABASE_URL'];

describe.skipIf(!server)('migrations on a shared PostgreSQL database', () => {
  it('four subgraphs and a second replica of each migrate at once, five times on a fresh database', { timeout: 120_000 }, async () => {
    const admin = postgres(server!, { max: 1, onnotice: () => {} });
    try {
      for (let round = 0; round < 5; round++) {
        const name = `woonkans_migratie_${randomBytes(4).toString('hex')}`;
        await admin.unsafe(`create database ${name}`);
        const url = new URL(server!);
        url.pathname = `/${name}`;
        try {
          const opened = await Promise.all(
            [...SUBGRAPH_NAMES, ...SUBGRAPH_NAMES].map((schema) => openDatabase({ schema, url: url.toString(), migrationsFolder: migrationsFolder(schema) })),
          );
          await Promise.all(opened.map((d) => d.close()));
          expect(opened).toHaveLength(2 * SUBGRAPH_NAMES.length);
        } finally {
          await admin.unsafe(`drop database if exists ${name} with (force)`);
        }
      }
    } finally {
      await admin.end();
    }
  });

  it('starts every connection READ COMMITTED, whatever the default of the database (the access log writer relies on it)', async () => {
    const admin = postgres(server!, { max: 1, onnotice: () => {} });
    const name = `woonkans_isolatie_${randomBytes(4).toString('hex')}`;
    await admin.unsafe(`create database ${name}`);
    await admin.unsafe(`alter database ${name} set default_transaction_isolation = 'serializable'`);
    const url = new URL(server!);
    url.pathname = `/${name}`;
    try {
      const direct = postgres(url.toString(), { max: 1, onnotice: () => {} });
      expect((await direct`show transaction_isolation`)[0]).toEqual({ transaction_isolation: 'serializable' });
      await direct.end();
      const opened = await openDatabase({ schema: 'gemeente', url: url.toString(), migrationsFolder: migrationsFolder('gemeente') });
      try {
        const seen = await opened.db.transaction(async (tx) => tx.execute(sql`show transaction_isolation`));
        expect([...(seen as unknown as Iterable<unknown>)]).toEqual([{ transaction_isolation: 'read committed' }]);
      } finally {
        await opened.close();
      }
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it('prepares statements with parameters, in and outside transactions: one round trip each after the first', async () => {
    const admin = postgres(server!, { max: 1, onnotice: () => {} });
    const name = `woonkans_prepare_${randomBytes(4).toString('hex')}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(server!);
    url.pathname = `/${name}`;
    try {
      const opened = await openDatabase({ schema: 'gemeente', url: url.toString(), migrationsFolder: migrationsFolder('gemeente') });
      try {
        const prepared = (tx: typeof opened.db) =>
          tx.execute(sql`select count(*)::int as n from pg_prepared_statements where statement like '%woonkans_prepare_probe%'`);
        // Inside one transaction, so every statement runs on the same connection as the count.
        const seen = await opened.db.transaction(async (tx) => {
          for (let i = 0; i < 3; i++) await tx.execute(sql`select ${i}::int as woonkans_prepare_probe`);
          return prepared(tx);
        });
        expect([...(seen as unknown as Iterable<unknown>)]).toEqual([{ n: 1 }]);
      } finally {
        await opened.close();
      }
      // And on a pool outside a transaction (here of one connection, so the count sees the probes).
      const single = postgres(url.toString(), { max: 1, onnotice: () => {} });
      try {
        const db = drizzle({ client: preparedStatements(single) }) as unknown as Db;
        for (let i = 0; i < 3; i++) await db.execute(sql`select ${i}::int as woonkans_prepare_probe_pool`);
        const [row] = await single.unsafe(`select count(*)::int as n from pg_prepared_statements where statement like '%woonkans_prepare_probe_pool%'`);
        expect(row).toEqual({ n: 1 });
      } finally {
        await single.end();
      }
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

describe('the embedded database', () => {
  it('is cloned from the run-wide empty cluster of PGLITE_TEMPLATE, and an unreadable one stops the start with one line', { timeout: 60_000 }, async () => {
    const saved = process.env['PGLITE_TEMPLATE'];
    expect(saved, 'npm test makes one per run (test/setup/)').toBeTruthy();
    try {
      vi.resetModules();
      process.env['PGLITE_TEMPLATE'] = '/bestaat/niet/leeg-cluster.tar';
      const fresh = (await import('./database.js')) as typeof import('./database.js');
      await expect(fresh.openDatabase({ schema: 'gemeente', migrationsFolder: migrationsFolder('gemeente') })).rejects.toThrow(
        /^PGLITE_TEMPLATE: \/bestaat\/niet\/leeg-cluster\.tar is niet leesbaar \(ENOENT\)$/,
      );
    } finally {
      process.env['PGLITE_TEMPLATE'] = saved;
      vi.resetModules();
    }
    expect((await emptyCluster()).size).toBe(statSync(saved!).size);
    const database = await openDatabase({ schema: 'gemeente', migrationsFolder: migrationsFolder('gemeente') });
    try {
      expect(rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from gemeente.verwerkingen`))[0]!.n).toBe(0);
    } finally {
      await database.close();
    }
  });
});
