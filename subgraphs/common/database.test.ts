/**
 * Services sharing one PostgreSQL database start at the same moment without tripping over each
 * other's migrations (the soak once stopped on a duplicate `drizzle` schema).
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from '../assemble.js';
import { SUBGRAPH_NAMES } from '../catalog.js';
import { openDatabase } from './database.js';
import { postgres } from './postgres-client.js';

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
});
