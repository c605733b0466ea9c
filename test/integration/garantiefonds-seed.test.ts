/**
 * The demo seed of the fund: the parties of the agreement, a first round mostly paid, claims for the
 * demo's negative ends in every state, a replenishment round when the payouts took the balance below
 * € 25.000 — all through the fund's own operations, so the ledger is valid — and idempotent.
 */
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aanvragen, bijdrageronden, bijdragen, deelnemers, grootboek } from '../../subgraphs/garantiefonds/db/tables.js';
import { CORPORATIES, GEMEENTEN, ZORGAANBIEDERS } from '../../schema/vocabulary.js';
import { verifyLedger } from '../../subgraphs/garantiefonds/domain/index.js';
import { SEED_OPENSTAAND, seedGarantiefonds, type NegatiefEinde } from '../../subgraphs/garantiefonds/seed.js';
import { ledgerRows } from '../../subgraphs/garantiefonds/store/ledger.js';
import { ledgerEntryOf } from '../../subgraphs/garantiefonds/store/rows.js';
import { startFondsHarness, type FondsHarness } from '../../subgraphs/garantiefonds/testing/harness.js';

const NOW = new Date('2026-03-01T10:00:00Z');
const einden: NegatiefEinde[] = Array.from({ length: 10 }, (_, i) => ({
  trajectId: `demo-${i}`,
  trajectCode: `WK-${'ABCDEFGHJK'[i]}7Q${i + 2}M`,
  corporatie: i % 2 === 0 ? 'woonwenz' : 'antares',
  uitkomst: i % 3 === 0 ? 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN' : 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD',
  // Two of the paid claims are large, so the payouts take the balance below € 25.000.
  borgCent: i === 0 || i === 5 ? 5_000_000 : 70_000,
  datum: `2025-${String(10 + (i % 3)).padStart(2, '0')}-1${i % 9}`,
}));

let h: FondsHarness;
async function tellingen() {
  const n = async (t: typeof deelnemers | typeof bijdragen | typeof grootboek | typeof aanvragen | typeof bijdrageronden) =>
    Number((await h.db.select({ n: count() }).from(t))[0]!.n);
  return { deelnemers: await n(deelnemers), bijdragen: await n(bijdragen), grootboek: await n(grootboek), aanvragen: await n(aanvragen), rondes: await n(bijdrageronden) };
}

beforeAll(async () => {
  h = await startFondsHarness(NOW);
  await seedGarantiefonds(h.db, einden, NOW);
});
afterAll(async () => {
  await h?.stop();
});

describe('seedGarantiefonds', () => {
  it('creates the 13 gemeenten, 8 corporations and every care provider as parties', async () => {
    const rows = await h.db.select().from(deelnemers);
    expect(rows.filter((r) => r.soort === 'GEMEENTE').map((r) => r.slug).sort()).toEqual(Object.keys(GEMEENTEN).sort());
    expect(rows.filter((r) => r.soort === 'CORPORATIE').map((r) => r.slug).sort()).toEqual([...CORPORATIES].sort());
    expect(rows.filter((r) => r.soort === 'ZORGAANBIEDER').map((r) => r.slug).sort()).toEqual([...ZORGAANBIEDERS].sort());
  });

  it('asks the first round and leaves a few contributions due', async () => {
    const ronde1 = (await h.db.select().from(bijdragen)).filter((b) => b.ronde === 1);
    expect(ronde1.reduce((s, b) => s + b.bedragCent, 0)).toBe(5_000_000 + 5_000_000 + ZORGAANBIEDERS.length * 100_000);
    expect(ronde1.filter((b) => b.betaaldOp === null).map((b) => b.deelnemer).sort()).toEqual([...SEED_OPENSTAAND].sort());
  });

  it('brings claims of four in five negative ends to paid, approved, rejected and submitted', async () => {
    const rows = await h.db.select().from(aanvragen);
    const status = Object.fromEntries(rows.map((r) => [r.trajectId, r.status]));
    expect(status).toEqual({
      'demo-0': 'UITBETAALD',
      'demo-1': 'GOEDGEKEURD',
      'demo-2': 'AFGEWEZEN',
      'demo-3': 'INGEDIEND',
      'demo-5': 'UITBETAALD',
      'demo-6': 'GOEDGEKEURD',
      'demo-7': 'AFGEWEZEN',
      'demo-8': 'INGEDIEND',
    });
    expect(rows.every((r) => r.bedragCent > (r.formulier as { borgCents: number }).borgCents)).toBe(true);
  });

  it('asks a replenishment round because the payouts took the balance below € 25.000, and keeps the ledger valid', async () => {
    const rondes = await h.db.select().from(bijdrageronden);
    expect(rondes.map((r) => r.soort)).toEqual(['INLEG', 'AANVULLING']);
    const verified = verifyLedger((await ledgerRows(h.db)).map(ledgerEntryOf));
    expect(verified.ok).toBe(true);
    if (verified.ok) expect(verified.value.saldo).toBeLessThan(2_500_000);
  });

  it('adds nothing when run again', async () => {
    const before = await tellingen();
    await seedGarantiefonds(h.db, einden, NOW);
    expect(await tellingen()).toEqual(before);
  });

  it('refuses, naming the case, demo data that breaks a rule', async () => {
    await expect(
      seedGarantiefonds(h.db, [{ ...einden[1]!, trajectId: 'demo-fout', trajectCode: 'Jan Jansen' }], NOW),
    ).rejects.toThrow(/Jan Jansen.*TRAJECTCODE_ONGELDIG/);
  });
});
