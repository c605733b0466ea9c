/**
 * The log's own migrations (`migrations.ts`), on PGlite and, with `TEST_DATABASE_URL`, PostgreSQL:
 * every subgraph's log gets them from the one list of steps; a database of an earlier release (the
 * steps ran from copies in the subgraph's folder, nothing recorded) ends exactly where a fresh one
 * does; a step whose SQL changed runs again at the next start; and nothing runs when nothing changed.
 */
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../assemble.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../catalog.js';
import { openDatabase, type Database } from '../database.js';
import { rowsOf } from '../rows.js';
import { LOGBOEK_STAPPEN, logboekDigest, migrateLogboek } from './migrations.js';
import { freshDatabaseTarget, logboekCatalogue, migrateAsEarlierRelease, type DatabaseTarget } from './testing.js';

const opened: { database?: Database; target: DatabaseTarget }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    await o.database?.close();
    await o.target.dispose();
  }
});

async function open(schema: SubgraphName, target: DatabaseTarget): Promise<Database> {
  const database = await openDatabase({ schema, url: target.url, dataDir: target.dataDir, migrationsFolder: migrationsFolder(schema) });
  opened.push({ database, target });
  return database;
}

async function runs(database: Database, schema: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await database.db.execute(sql.raw(`select count(*)::int as n from "drizzle"."${schema}_logboek_migrations"`)));
  return row!.n;
}

describe(`the log's migrations on ${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'}`, { timeout: 120_000 }, () => {
  it.each(SUBGRAPH_NAMES)('%s: a fresh log gets every step once, and the next start runs nothing', async (schema) => {
    const target = await freshDatabaseTarget(`logboek-stappen-${schema}`);
    let database = await open(schema, target);
    const fresh = await logboekCatalogue(database.db, schema);
    // The guards and routines every step adds, by name (the catalogue's full text is compared below).
    for (const naam of ['verwerkingen_alleen_toevoegen', 'verwerkingen_segment_open', 'audit_segment_open', 'segmenten_bewaken', 'logboek_toevoegen', 'logboek_kop', 'drop_segment', 'audit_geketend', 'audit_keten_volledig']) {
      expect(fresh.some((regel) => regel.includes(` ${naam}`) || regel.includes(`.${naam}:`))).toBe(true);
    }
    expect(fresh.some((regel) => regel.includes('logboek_segment_open'))).toBe(false);
    expect(await runs(database, schema)).toBe(1);
    await database.close();
    opened.pop();
    database = await open(schema, target);
    expect(await runs(database, schema)).toBe(1);
    expect(await migrateLogboek(database.db, schema)).toBe(false);
  });

  it('a log migrated by an earlier release ends exactly where a fresh one does', async () => {
    const fresh = await open('regisseur', await freshDatabaseTarget('logboek-stappen-vers'));
    const expected = await logboekCatalogue(fresh.db, 'regisseur');

    const target = await freshDatabaseTarget('logboek-stappen-oud');
    await migrateAsEarlierRelease(target, 'regisseur', migrationsFolder('regisseur'), LOGBOEK_STAPPEN, async (db) => {
      // That release's log: the row trigger of the first step was replaced by the third's statement trigger.
      expect((await logboekCatalogue(db, 'regisseur')).filter((r) => r.startsWith('trigger verwerkingen_segment_open'))[0]).toMatch(/AFTER INSERT/);
    });
    const upgraded = await open('regisseur', target);
    expect(await runs(upgraded, 'regisseur')).toBe(1);
    expect(await logboekCatalogue(upgraded.db, 'regisseur')).toEqual(expected);
  });

  it('steps that never ran on a log run at the next start, with every step after them', async () => {
    const target = await freshDatabaseTarget('logboek-stappen-wijziging');
    let database = await open('gemeente', target);
    const expected = await logboekCatalogue(database.db, 'gemeente');
    // The log as an earlier release's steps left it: an older routine, and only that release's digest recorded.
    await database.db.execute(sql.raw(`create or replace function "gemeente"."logboek_toevoegen"(verwacht jsonb, rijen json, auditrijen json) returns jsonb language sql as 'select null::jsonb'`));
    await database.db.execute(sql.raw(`delete from "drizzle"."gemeente_logboek_migrations"`));
    await database.db.execute(sql.raw(`insert into "drizzle"."gemeente_logboek_migrations" (hash) values ('digest-van-een-eerdere-release')`));
    await database.close();
    opened.pop();
    database = await open('gemeente', target);
    expect(await runs(database, 'gemeente')).toBe(2);
    expect(await logboekCatalogue(database.db, 'gemeente')).toEqual(expected);
  });

  it('steps that ran before do not run again over later ones (a replica of the previous release restarting during an upgrade)', async () => {
    const target = await freshDatabaseTarget('logboek-stappen-rollend');
    const database = await open('corporatie', target);
    // The previous release's steps: without the append routine; they ran before today's did.
    const vorige = LOGBOEK_STAPPEN.filter((stap) => stap.naam !== 'logboek_toevoegen');
    await database.db.execute(sql.raw(`insert into "drizzle"."corporatie_logboek_migrations" (hash) values ('${logboekDigest('corporatie', vorige)}')`));
    const today = await logboekCatalogue(database.db, 'corporatie');
    expect(await migrateLogboek(database.db, 'corporatie', vorige)).toBe(false);
    expect(await logboekCatalogue(database.db, 'corporatie')).toEqual(today);
    // Steps never seen do run, and leave their digest.
    expect(await migrateLogboek(database.db, 'corporatie', [...vorige, { naam: 'proef', sql: (s) => `COMMENT ON TABLE "${s}"."segmenten" IS 'proef'` }])).toBe(true);
    expect(await runs(database, 'corporatie')).toBe(3);
  });

  it('a schema without a log gets no steps and no record', async () => {
    const target = await freshDatabaseTarget('logboek-stappen-geen');
    const database = await openDatabase({ schema: 'gateway', url: target.url, dataDir: target.dataDir, migrationsFolder: new URL('../../../gateway/migrations', import.meta.url).pathname });
    opened.push({ database, target });
    expect(await migrateLogboek(database.db, 'gateway')).toBe(false);
    const [row] = rowsOf<{ bestaat: boolean }>(await database.db.execute(sql.raw(`select to_regclass('"drizzle"."gateway_logboek_migrations"') is not null as bestaat`)));
    expect(row!.bestaat).toBe(false);
  });
});
