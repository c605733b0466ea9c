import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { allowed, consulent, field, meta, refused, verhuurder } from './fixtures.js';
import { auditVoorTrace, inzage, jaarverslag, toezicht } from './queries.js';
import { testVariants, type TestDatabase } from './testing.js';
import { createLogboekWriter } from './writer.js';

const naam = field('Inwoner.naam');
const gezondheid = field('Onderzoek.gezondheid', 'GEZONDHEID');
const profiel = field('Bemiddelingsprofiel.woonsituatie', 'PROFIEL');

describe.each(testVariants())('rights and oversight queries on $name', { timeout: 60_000 }, (variant) => {
  let t: TestDatabase;
  afterEach(async () => {
    await t?.drop();
  });
  afterAll(() => variant.dispose());
  const it_ = it.skipIf(variant.skip);

  /** Writes requests at the given instants. */
  async function seed() {
    t = await variant.open();
    let clock = new Date('2024-12-31T22:30:00.000Z'); // 23:30 in Venlo: still 2024
    const write = createLogboekWriter({ db: t.db, schema: t.schema, subgraph: 'gemeente', tables: t.tables, now: () => clock });
    const at = async (iso: string, records: Parameters<typeof write>[0], m = meta()) => {
      clock = new Date(iso);
      await write(records, m);
      return m;
    };
    await at('2024-12-31T22:30:00.000Z', [allowed('t-1', 'p-1', naam)]);
    await at('2025-01-10T09:00:00.000Z', [allowed('t-1', 'p-1', naam), allowed('t-2', 'p-2', naam)]);
    await at('2025-02-01T09:00:00.000Z', [refused('t-1', 'p-1', gezondheid)], meta(verhuurder));
    await at('2025-03-01T09:00:00.000Z', [allowed('t-1', 'p-1', profiel)], meta(verhuurder));
    const override = await at('2025-04-01T09:00:00.000Z', [
      allowed('t-1', 'p-1', gezondheid, { grondslag: 'CONFLICT_VAN_PLICHTEN', doorbrekingId: 'd-1' }),
      allowed('t-2', 'p-2', gezondheid, { grondslag: 'CONFLICT_VAN_PLICHTEN', doorbrekingId: 'd-2' }),
    ]);
    await at('2025-05-01T09:00:00.000Z', [allowed('t-1', 'p-1', gezondheid, { grondslag: 'CONFLICT_VAN_PLICHTEN', doorbrekingId: 'd-1' })]);
    return { override };
  }

  it_("inzage shows only the asked subject's accesses, newest first, by organisation, cursor-paged", async () => {
    await seed();
    const all = await inzage({ db: t.db, schema: t.schema, tables: t.tables, betrokkene: 'p-1', trajectIds: ['t-1'], first: 10 });
    const lines = all.edges.map((e) => e.node);
    expect(lines.map((l) => [l.tijdstip.toISOString(), l.organisatie, l.grondslag, l.velden])).toEqual([
      ['2025-05-01T09:00:00.000Z', 'gemeente-venlo', 'CONFLICT_VAN_PLICHTEN', ['Onderzoek.gezondheid']],
      ['2025-04-01T09:00:00.000Z', 'gemeente-venlo', 'CONFLICT_VAN_PLICHTEN', ['Onderzoek.gezondheid']],
      ['2025-03-01T09:00:00.000Z', 'woonwenz', 'WMO_PUBLIEKE_TAAK', ['Bemiddelingsprofiel.woonsituatie']],
      ['2025-01-10T09:00:00.000Z', 'gemeente-venlo', 'WMO_PUBLIEKE_TAAK', ['Inwoner.naam']],
      ['2024-12-31T22:30:00.000Z', 'gemeente-venlo', 'WMO_PUBLIEKE_TAAK', ['Inwoner.naam']],
    ]);
    // Refusals disclosed nothing and are not listed; no employee anywhere in the answer.
    expect(JSON.stringify(all)).not.toContain(consulent.sub);
    expect(JSON.stringify(all)).not.toContain(verhuurder.sub);
    expect(JSON.stringify(all)).not.toContain('p-2');
    expect(all.pageInfo.hasNextPage).toBe(false);

    const page1 = await inzage({ db: t.db, schema: t.schema, tables: t.tables, betrokkene: 'p-1', trajectIds: ['t-1'], first: 2 });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await inzage({
      db: t.db, schema: t.schema, tables: t.tables, betrokkene: 'p-1', trajectIds: ['t-1'], first: 2,
      after: page1.pageInfo.endCursor ?? undefined,
    });
    const page3 = await inzage({
      db: t.db, schema: t.schema, tables: t.tables, betrokkene: 'p-1', trajectIds: ['t-1'], first: 2,
      after: page2.pageInfo.endCursor ?? undefined,
    });
    expect([...page1.edges, ...page2.edges, ...page3.edges].map((e) => e.node)).toEqual(lines);
    expect(page3.pageInfo.hasNextPage).toBe(false);

    // A period, another subject, a case of someone else, and no cases at all.
    const feb = await inzage({
      db: t.db, schema: t.schema, tables: t.tables, trajectIds: ['t-1'], first: 10,
      van: new Date('2025-01-01T00:00:00Z'), tot: new Date('2025-04-01T09:00:00Z'),
    });
    expect(feb.edges.map((e) => e.node.tijdstip.toISOString())).toEqual(['2025-03-01T09:00:00.000Z', '2025-01-10T09:00:00.000Z']);
    const other = await inzage({ db: t.db, schema: t.schema, tables: t.tables, betrokkene: 'p-2', trajectIds: ['t-1'], first: 10 });
    expect(other.edges).toHaveLength(0);
    const none = await inzage({ db: t.db, schema: t.schema, tables: t.tables, betrokkene: 'p-1', trajectIds: [], first: 10 });
    expect(none.edges).toHaveLength(0);
    await expect(inzage({ db: t.db, schema: t.schema, tables: t.tables, trajectIds: ['t-1'], first: 1, after: 'garbage' })).rejects.toThrow(/cursor/);
  });

  it_('toezicht filters by period, party and outcome; the audit row names the user', async () => {
    const { override } = await seed();
    const refusals = await toezicht({ db: t.db, schema: t.schema, tables: t.tables, toegestaan: false, first: 10 });
    expect(refusals.edges.map((e) => [e.node.partij, e.node.organisatie, e.node.reden, e.node.betrokkene])).toEqual([
      ['CORPORATIE', 'woonwenz', 'FASE', 'p-1'],
    ]);
    const corporatie = await toezicht({ db: t.db, schema: t.schema, tables: t.tables, partij: 'CORPORATIE', first: 10 });
    expect(corporatie.edges).toHaveLength(2);
    const april = await toezicht({
      db: t.db, schema: t.schema, tables: t.tables, first: 10,
      van: new Date('2025-04-01T00:00:00Z'), tot: new Date('2025-05-01T00:00:00Z'),
    });
    expect(april.edges.map((e) => e.node.doorbrekingId)).toEqual(['d-2', 'd-1']);
    expect(april.edges[0]?.node).not.toHaveProperty('hash');
    const who = await auditVoorTrace({ db: t.db, schema: t.schema, tables: t.tables, traceId: override.traceId });
    expect(who.map((a) => [a.sub, a.rol, a.operationName])).toEqual([[consulent.sub, 'wmo-consulent', override.operationName]]);
  });

  it_('jaarverslag counts overrides (and their cases), refusals and accesses per party, by the Dutch calendar year', async () => {
    await seed();
    const r2025 = await jaarverslag(t.db, t.schema, t.tables, 2025);
    expect(r2025.conflictVanPlichten).toEqual({ verwerkingen: 3, trajecten: 2, doorbrekingen: 2 });
    expect(r2025.weigeringenPerPartij).toEqual([{ partij: 'CORPORATIE', aantal: 1 }]);
    expect(r2025.toegangPerPartij).toEqual([
      { partij: 'CORPORATIE', aantal: 1 },
      { partij: 'GEMEENTE', aantal: 5 },
    ]);
    const r2024 = await jaarverslag(t.db, t.schema, t.tables, 2024);
    expect(r2024.toegangPerPartij).toEqual([{ partij: 'GEMEENTE', aantal: 1 }]);
    expect(r2024.conflictVanPlichten).toEqual({ verwerkingen: 0, trajecten: 0, doorbrekingen: 0 });
  });
});
