/**
 * `anyOf`: the rows of exactly the listed ids, on PGlite and on a PostgreSQL server, with one
 * statement text for every list length (so each connection prepares it once).
 */
import { pgSchema, text } from 'drizzle-orm/pg-core';
import { afterAll, describe, expect, it } from 'vitest';
import { anyOf } from './any-of.js';
import { testVariants } from './logboek/testing.js';

const variants = testVariants();
afterAll(() => Promise.all(variants.map((v) => v.dispose())));

describe.each(variants)('anyOf on $name', { timeout: 60_000 }, (variant) => {
  it.skipIf(variant.skip)('selects exactly the listed ids, none for an empty list, with one statement text for every length', async () => {
    const database = await variant.open('any_of_test');
    try {
      await database.query('create table any_of_test.zaken (id text primary key)');
      const ids = Array.from({ length: 40 }, (_, i) => `traject-${String(i).padStart(2, '0')}`);
      await database.query(`insert into any_of_test.zaken values ${ids.map((id) => `('${id}')`).join(', ')}`);
      const zaken = pgSchema('any_of_test').table('zaken', { id: text('id').primaryKey() });
      const select = async (wanted: readonly string[]) =>
        (await database.db.select().from(zaken).where(anyOf(zaken.id, wanted))).map((r) => r.id).sort();

      const sent = database.queries.length;
      for (const n of [1, 2, 7, 20, 33]) {
        const wanted = ids.filter((_, i) => i % 2 === 0).slice(0, n);
        expect(await select([...wanted, 'bestaat-niet'])).toEqual(wanted);
      }
      expect(await select([])).toEqual([]);
      // A quote in a value is a value, not SQL.
      expect(await select(["x') or true --"])).toEqual([]);
      expect(new Set(database.queries.slice(sent)).size).toBe(1);
    } finally {
      await database.drop();
    }
  });
});
