import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, inArray } from 'drizzle-orm';
import { createDatabase } from '../../test/helpers/federation.js';
import { logboekVan } from '../../subgraphs/assemble.js';
import type { Database } from '../../subgraphs/common/database.js';
import { verifyChain } from '../../subgraphs/common/logboek/verify.js';
import type { SubgraphName } from '../../subgraphs/catalog.js';
import { maakDemoPlan } from '../demo-data/index.js';
import { closeAll, demoDatabases, openSubgraphDatabases } from './databases.js';
import { loadScale, type ScaleResult } from './load.js';

const NOW = new Date('2026-12-01T09:00:00Z');
const AANTAL = 600;

describe('the scale loader', () => {
  let dbs: Record<SubgraphName, Database>;
  let drop: (() => Promise<void>) | undefined;
  let result: ScaleResult;

  beforeAll(async () => {
    const server = process.env['TEST_DATABASE_URL'];
    const fresh = server ? await createDatabase(server) : undefined;
    drop = fresh?.drop;
    dbs = await openSubgraphDatabases(fresh?.url);
    // Three slices (250, 250, 100): slicing must not change what is written.
    result = await loadScale(demoDatabases(dbs), { aantal: AANTAL, deel: 250, recordsPerCase: 2, now: NOW });
  }, 120_000);
  afterAll(async () => {
    if (dbs) await closeAll(dbs);
    await drop?.();
  });

  it('writes in slices exactly the rows the whole demo plan holds', () => {
    const plan = maakDemoPlan(NOW, { aantal: AANTAL });
    expect(result.cases).toBe(AANTAL);
    for (const subgraph of ['gemeente', 'regisseur', 'corporatie'] as const) {
      for (const [table, rows] of Object.entries(plan[subgraph])) {
        expect(result.rows[`${subgraph}.${table}`] ?? 0, `${subgraph}.${table}`).toBe((rows as unknown[]).length);
      }
    }
  });

  it('writes the access records through the log writers: the chains verify, and the count adds up', async () => {
    let rows = 0;
    for (const name of ['gemeente', 'regisseur'] as const) {
      const { tables } = logboekVan(name);
      const verified = await verifyChain({ db: dbs[name].db, schema: name, tables });
      expect(verified.ok, `${name}: ${JSON.stringify(verified)}`).toBe(true);
      const [row] = await dbs[name].db.select({ n: count() }).from(tables.verwerkingen);
      rows += Number(row?.n);
    }
    expect(rows).toBe(result.records);
    // Every case twice in the gemeente's log; fewer in the regisseur's (only cases handed over).
    expect(result.records).toBeGreaterThan(2 * AANTAL);
    expect(result.records).toBeLessThan(4 * AANTAL);
  });

  it('records no regisseur access to a case the regisseur never knew (before the hand-over)', async () => {
    const plan = maakDemoPlan(NOW, { aantal: AANTAL });
    const unknown = plan.trajecten.filter((t) => t.fase === 'MELDING' || t.fase === 'ONDERZOEK' || (t.uitkomst ?? '').startsWith('NIET_DOELGROEP')).map((t) => t.trajectId);
    expect(unknown.length).toBeGreaterThan(20);
    const { tables } = logboekVan('regisseur');
    const [row] = await dbs.regisseur.db.select({ n: count() }).from(tables.verwerkingen).where(inArray(tables.verwerkingen.trajectId, unknown));
    expect(Number(row?.n)).toBe(0);
  });

  it('refuses to load into a routeplanner that already holds cases, and writes nothing', async () => {
    const { tables } = logboekVan('gemeente');
    const [before] = await dbs.gemeente.db.select({ n: count() }).from(tables.verwerkingen);
    await expect(loadScale(demoDatabases(dbs), { aantal: 400, now: NOW })).rejects.toThrow(/al trajecten/);
    const [after] = await dbs.gemeente.db.select({ n: count() }).from(tables.verwerkingen);
    expect(after?.n).toBe(before?.n);
  });
});
