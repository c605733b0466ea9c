import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../../schema/context.js';
import { openDatabase, type Database } from '../../common/database.js';
import type { SubgraphContext } from '../../common/server.js';
import { eq, inArray } from 'drizzle-orm';
import { selecties, trajecten } from '../db/tables.js';
import { mergeMonitoringResolvers, monitoringResolvers, type RegisseurMonitoring } from './resolvers.js';
import { laadMonitoringRijen, monitoringDigest } from './rijen.js';
import { kalenderdatum } from './kalender.js';
import { countStatements } from '../../common/statement-count.js';
import { zaaiGevallen, type TestGeval } from './testing.js';

const WERKGROEP: Caller = { sub: 'wg', partij: 'WERKGROEP', organisatie: 'werkgroep-woonkans' };
const ARGS = { periode: 'JAAR', van: '2025-01-01', tot: '2026-01-01', regio: null };
const geval = (gemeente: string, n: number): TestGeval[] =>
  Array.from({ length: n }, (_, i) => ({ gemeente, aangemeldOp: `2025-03-${String(i + 1).padStart(2, '0')}T10:00:00Z`, fase: 'MELDING' }));

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ schema: 'regisseur', migrationsFolder: new URL('../migrations', import.meta.url).pathname });
  await zaaiGevallen(database.db, [...geval('venlo', 12), ...geval('venray', 7), ...geval('weert', 9), ...geval('roermond', 11)]);
}, 60_000);
afterAll(async () => {
  await database?.close();
});

type Resolve = (parent: unknown, args: unknown, ctx: SubgraphContext) => Promise<RegisseurMonitoring>;
const ctx = (caller: Caller = WERKGROEP) => ({ caller, db: database.db, now: () => Date.parse('2026-06-01T00:00:00Z') }) as unknown as SubgraphContext;
const query = (r: ReturnType<typeof monitoringResolvers>) => (r['Query'] as Record<string, Resolve>)['monitoring']!;
const gemeente = (m: RegisseurMonitoring, slug: string) => m.perGemeente.find((g) => g.gemeente === slug)!;

describe('monitoringResolvers', () => {
  it('uses the configured threshold and returns it', async () => {
    const standaard = await query(monitoringResolvers())(null, ARGS, ctx());
    expect(standaard.drempel).toBe(5);
    expect(gemeente(standaard, 'venray').aangemeld).toEqual({ waarde: 7, onderdrukt: false });
    const strenger = await query(monitoringResolvers({ drempel: 10 }))(null, ARGS, ctx());
    expect(strenger.drempel).toBe(10);
    expect(gemeente(strenger, 'venray').aangemeld).toEqual({ waarde: null, onderdrukt: true });
    expect(gemeente(strenger, 'venlo').aangemeld.waarde === null || gemeente(strenger, 'venlo').aangemeld.waarde! >= 10).toBe(true);
  });

  it('refuses a threshold below the default at start-up', () => {
    expect(() => monitoringResolvers({ drempel: 4 })).toThrow(TypeError);
    expect(() => monitoringResolvers({ drempel: 5.5 })).toThrow(TypeError);
    expect(() => monitoringResolvers({ cacheGrootte: -1 })).toThrow(TypeError);
  });

  it('answers from the cache for the same rows and recomputes as soon as a case changes', async () => {
    const resolve = query(monitoringResolvers());
    const eerst = await resolve(null, ARGS, ctx());
    const noord = await resolve(null, { ...ARGS, regio: 'NOORD_LIMBURG' }, ctx());
    expect(noord.perGemeente).toEqual(eerst.perGemeente.filter((g) => g.regio === 'NOORD_LIMBURG'));
    await zaaiGevallen(database.db, geval('venlo', 1));
    const daarna = await resolve(null, ARGS, ctx());
    expect(gemeente(daarna, 'venlo').aangemeld.waarde).toBe(gemeente(eerst, 'venlo').aangemeld.waarde! + 1);
  });

  it('recomputes when a case changes in place, not only when one is added', async () => {
    const resolve = query(monitoringResolvers());
    const fasen = (m: RegisseurMonitoring) => Object.fromEntries(m.fasenNu.map((f) => [f.fase, f.aantal]));
    const eerst = await resolve(null, ARGS, ctx());
    const { ids } = await zaaiGevallen(database.db, Array.from({ length: 6 }, () => ({ gemeente: 'roermond', aangemeldOp: '2025-04-01T10:00:00Z', fase: 'MELDING' as const })));
    const erbij = await resolve(null, ARGS, ctx());
    expect(fasen(erbij)['MELDING']!.waarde).toBe(fasen(eerst)['MELDING']!.waarde! + 6);
    await database.db.update(trajecten).set({ fase: 'ONDERZOEK' }).where(inArray(trajecten.id, ids));
    const verder = await resolve(null, ARGS, ctx());
    expect(fasen(verder)['MELDING']!.waarde).toBe(fasen(eerst)['MELDING']!.waarde);
    expect(fasen(verder)['ONDERZOEK']!.waarde).toBe((fasen(eerst)['ONDERZOEK']!.waarde ?? 0) + 6);
  });

  it('lets questions that arrive together share one digest query, and gives each the same figures', async () => {
    const resolve = query(monitoringResolvers());
    await resolve(null, ARGS, ctx());
    const digests = countStatements((sql) => sql.includes('hash_record_extended'));
    try {
      const answers = await Promise.all(Array.from({ length: 10 }, () => resolve(null, ARGS, ctx())));
      expect(digests.count()).toBeLessThanOrEqual(2);
      for (const a of answers) expect(a.perGemeente).toEqual(answers[0]!.perGemeente);
    } finally {
      digests.stop();
    }
  });

  it('reads moments as Dutch calendar dates in the database, around midnight and the change of the clocks', async () => {
    const momenten = ['2025-01-31T23:30:00Z', '2025-01-31T22:59:59Z', '2025-06-30T22:30:00Z', '2025-10-25T22:30:00Z', '2025-03-29T23:00:00Z'];
    const { ids } = await zaaiGevallen(
      database.db,
      momenten.map((m) => ({ gemeente: 'venlo', aangemeldOp: m, fase: 'AFGESLOTEN' as const, uitkomst: 'GEHUISVEST', gehuisvestOp: m, afgeslotenOp: m })),
    );
    const rows = await database.db
      .select({ id: trajecten.id, op: trajecten.aangemeldOp })
      .from(trajecten)
      .where(inArray(trajecten.id, ids));
    const verwacht = new Map(rows.map((r) => [r.id, kalenderdatum(r.op)]));
    expect([...verwacht.values()].sort()).toEqual(['2025-01-31', '2025-02-01', '2025-03-30', '2025-07-01', '2025-10-26']);
    const alle = await laadMonitoringRijen(database.db, new Date('2026-06-01T00:00:00Z'));
    const dagen = alle.map((r) => r.aangemeldOp);
    for (const d of verwacht.values()) expect(dagen).toContain(d);
    for (const r of alle) for (const d of [r.aangemeldOp, r.gehuisvestOp]) if (d !== null) expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('digests every column the rows are built from, and the discussed selections', async () => {
    const [{ ids: [id] }] = [await zaaiGevallen(database.db, [{ gemeente: 'venlo', aangemeldOp: '2025-05-01T10:00:00Z', fase: 'CORPORATIEGESPREK', gesprekken: [{ corporatie: 'woonwenz', uitkomst: null }] }])];
    const changes: Partial<typeof trajecten.$inferInsert>[] = [
      { gemeente: 'venray' }, { regio: 'MIDDEN_LIMBURG' }, { fase: 'HUUROVEREENKOMST' }, { melder: 'leger-des-heils' }, { gekoppeldeZorgaanbieder: 'moveoo' },
      { gematcht: 'woonwenz' }, { uitkomst: 'TERUGGETROKKEN' }, { uitkomstToelichting: 'verhuisd' }, { aangemeldOp: '2025-05-02T10:00:00.000Z' },
      { gehuisvestOp: '2025-09-01T10:00:00.000Z' }, { afgeslotenOp: '2025-12-01T10:00:00.000Z' },
    ];
    const seen = new Set([await monitoringDigest(database.db)]);
    for (const change of changes) {
      await database.db.update(trajecten).set(change).where(eq(trajecten.id, id!));
      const digest = await monitoringDigest(database.db);
      expect(seen.has(digest), JSON.stringify(change)).toBe(false);
      seen.add(digest);
    }
    await database.db.update(selecties).set({ overlegUitkomst: 'GEEN_INTERESSE' }).where(eq(selecties.trajectId, id!));
    const besproken = await monitoringDigest(database.db);
    expect(seen.has(besproken)).toBe(false);
    await database.db.update(selecties).set({ overlegToelichting: 'geen passende woning' }).where(eq(selecties.trajectId, id!));
    expect(await monitoringDigest(database.db)).not.toBe(besproken);
  });

  it('fails closed when the rows cannot be read, with or without a cache, and leaves no unhandled rejection', async () => {
    const kapot = new Proxy(database.db, {
      get: (target, prop, receiver) => (prop === 'transaction' ? () => Promise.reject(new Error('database weg')) : Reflect.get(target, prop, receiver)),
    });
    await zaaiGevallen(database.db, geval('venray', 1));
    for (const cacheGrootte of [0, 16]) {
      await expect(query(monitoringResolvers({ cacheGrootte }))(null, ARGS, { ...ctx(), db: kapot } as never)).rejects.toThrow('database weg');
    }
    await new Promise((r) => setImmediate(r));
  });

  it('refuses every party but the Werkgroep before reading anything', async () => {
    const db = new Proxy({}, { get: () => { throw new Error('read the database'); } });
    const corporatie: Caller = { sub: 'c', partij: 'CORPORATIE', organisatie: 'woonwenz' };
    await expect(query(monitoringResolvers())(null, ARGS, { ...ctx(corporatie), db } as never)).rejects.toMatchObject({
      extensions: { code: 'DOSERING_GEWEIGERD', reden: 'PARTIJ', partij: 'CORPORATIE' },
    });
  });
});

describe('mergeMonitoringResolvers', () => {
  it('adds the monitoring beside the existing queries', () => {
    const merged = mergeMonitoringResolvers({ Query: { traject: () => null }, Traject: { code: () => 'x' } }) as Record<string, Record<string, unknown>>;
    expect(Object.keys(merged['Query']!).sort()).toEqual(['monitoring', 'traject']);
    expect(Object.keys(merged['Monitoring']!)).toEqual(['__resolveReference']);
    expect(merged['Traject']).toBeDefined();
  });

  it('refuses to overwrite a resolver', () => {
    expect(() => mergeMonitoringResolvers({ Query: { monitoring: () => null } })).toThrow(/Query\.monitoring/);
  });
});
