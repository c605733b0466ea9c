/**
 * The ledger under pressure, through the subgraph and on the real database (PGlite by default,
 * PostgreSQL with TEST_DATABASE_URL): random sequences of bookings, payouts, retries and concurrent
 * payouts keep the balance equal to the sum of the entries and never below zero; N concurrent
 * payouts of one claim book exactly one entry; and the database itself refuses what the application
 * must never do (change or delete an entry, a second payout entry, a negative balance).
 */
import fc from 'fast-check';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { aanvragen, bijdragen, grootboek } from '../../subgraphs/garantiefonds/db/tables.js';
import { verifyLedger } from '../../subgraphs/garantiefonds/domain/index.js';
import { seedGarantiefonds } from '../../subgraphs/garantiefonds/seed.js';
import { ledgerRows } from '../../subgraphs/garantiefonds/store/ledger.js';
import { ledgerEntryOf } from '../../subgraphs/garantiefonds/store/rows.js';
import { negatiefBeeindigd, startFondsHarness, type FondsHarness, type GqlResponse } from '../../subgraphs/garantiefonds/testing/harness.js';

const fonds: Persona = { partij: 'GARANTIEFONDS' };
const voorzitter: Persona = { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG', rol: 'VOORZITTER' };
const woonwenz: Persona = { partij: 'CORPORATIE', organisatie: 'woonwenz' };

const PAY = `mutation($id: ID!) { betaalGarantieaanvraagUit(aanvraagId: $id) { nieuwGeboekt saldoCent grootboekregel { id bedragCent } } }`;
const REGISTER = `mutation($id: ID!) { registreerBijdrage(bijdrageId: $id, betaaldOp: "2026-02-01") { nieuwGeboekt saldoCent } }`;
const codeOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.['code'];

let h: FondsHarness;
let caseNr = 0;

/** A claim of `cents` filed by the matched corporation on a fresh case; approved unless `reject`. */
async function beslisteClaim(cents: number, uitkomst: 'GOEDGEKEURD' | 'AFGEWEZEN' = 'GOEDGEKEURD'): Promise<string> {
  const id = `grootboek-traject-${++caseNr}`;
  h.cases.set(id, negatiefBeeindigd(id, { code: 'WK-5GB8K', huur: { borgCent: 0, beeindiging: 'ONTRUIMD', einddatum: '2026-01-15' } }));
  const filed = await h.gql(woonwenz, `mutation($f: GarantieaanvraagFormulier!) { dienGarantieaanvraagIn(formulier: $f) { id } }`, {
    f: {
      trajectId: id,
      trajectCode: 'WK-5GB8K',
      datumBeeindiging: '2026-01-15',
      soortBeeindiging: 'ONTRUIMD',
      borgCent: 0,
      kostenposten: [{ soort: 'ONTRUIMINGSKOSTEN', bedragCent: cents, bewijs: 'factuur deurwaarder' }],
      evaluatie: 'Evaluatie met alle partijen gehouden.',
      contactpersoonRol: 'verhuurconsulent',
    },
  });
  expect(filed.errors).toBeUndefined();
  const aanvraagId = filed.data.dienGarantieaanvraagIn.id as string;
  const decided = await h.gql(voorzitter, `mutation($b: GarantieBesluitInput!) { besluitOverGarantieaanvraag(besluit: $b) { status } }`, {
    b: { aanvraagId, uitkomst, motivering: 'Besproken en besloten.', besprokenInOverlegOp: '2026-02-10', partijenGeraadpleegd: true },
  });
  expect(decided.errors).toBeUndefined();
  return aanvraagId;
}

async function saldo(): Promise<number> {
  return (await h.gql(fonds, '{ garantiefonds { saldoCent } }')).data.garantiefonds.saldoCent as number;
}

/** The invariants that must hold after every step, read straight from the database. */
async function checkInvariants(expectedSaldo: number): Promise<void> {
  const rows = await ledgerRows(h.db);
  const entries = rows.map(ledgerEntryOf);
  const verified = verifyLedger(entries); // unique ids, signs, running balance >= 0, no claim paid twice
  expect(verified).toEqual({ ok: true, value: { saldo: expectedSaldo } });
  const [db] = await h.db.select({ s: sql<string>`coalesce(sum(${grootboek.bedragCent}), 0)` }).from(grootboek);
  expect(Number(db!.s)).toBe(expectedSaldo);
  expect(await saldo()).toBe(expectedSaldo);
  const paidClaims = await h.db.select({ id: aanvragen.id }).from(aanvragen).where(eq(aanvragen.status, 'UITBETAALD'));
  expect(new Set(entries.filter((e) => e.kind === 'UITBETALING').map((e) => e.claimId))).toEqual(new Set(paidClaims.map((c) => c.id)));
}

beforeAll(async () => {
  h = await startFondsHarness(new Date('2026-03-01T10:00:00Z'));
  await seedGarantiefonds(h.db, [], new Date(h.nowMs));
});
afterAll(async () => {
  await h?.stop();
});

describe('concurrent payouts', () => {
  it('books exactly one entry when the same approved claim is paid ten times at once', async () => {
    const aanvraagId = await beslisteClaim(123_456);
    const before = await saldo();
    const results = await Promise.all(Array.from({ length: 10 }, () => h.gql(fonds, PAY, { id: aanvraagId })));
    expect(results.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
    expect(results.filter((r) => r.data.betaalGarantieaanvraagUit.nieuwGeboekt)).toHaveLength(1);
    expect(new Set(results.map((r) => r.data.betaalGarantieaanvraagUit.grootboekregel.id)).size).toBe(1);
    expect(await h.db.select().from(grootboek).where(eq(grootboek.aanvraagId, aanvraagId))).toHaveLength(1);
    await checkInvariants(before - 123_456);
  });

  it('pays only what the balance holds when different claims are paid at once', async () => {
    const before = await saldo();
    const deel = Math.floor(before * 0.3);
    const claims = await Promise.all(Array.from({ length: 5 }, () => beslisteClaim(deel)));
    const results = await Promise.all(claims.map((id) => h.gql(fonds, PAY, { id })));
    const paid = results.filter((r) => r.errors === undefined);
    expect(paid).toHaveLength(3);
    expect(results.filter((r) => codeOf(r) === 'SALDO_ONTOEREIKEND')).toHaveLength(2);
    await checkInvariants(before - 3 * deel);
  });
});

describe('the database guards the ledger', () => {
  it('refuses to change or delete an entry', async () => {
    const [first] = await ledgerRows(h.db);
    await expect(h.db.update(grootboek).set({ bedragCent: 1 }).where(eq(grootboek.id, first!.id))).rejects.toThrow();
    await expect(h.db.delete(grootboek).where(eq(grootboek.id, first!.id))).rejects.toThrow();
    await expect(h.db.execute(sql`truncate ${grootboek}`)).rejects.toThrow();
    expect((await ledgerRows(h.db))[0]).toEqual(first);
  });

  it('refuses a second payout entry for a claim, an entry that would make the balance negative, and a wrong sign', async () => {
    const [paid] = await h.db.select().from(grootboek).where(eq(grootboek.soort, 'UITBETALING')).limit(1);
    const entry = (id: string, bedragCent: number, aanvraagId: string | null, soort = 'UITBETALING') => ({
      id,
      soort,
      bedragCent,
      aanvraagId,
      deelnemer: 'CORPORATIE:woonwenz',
      op: '2026-03-01T10:00:00Z',
      omschrijving: 'handmatig',
    });
    const [n] = await h.db.select({ n: count() }).from(grootboek);
    await expect(h.db.insert(grootboek).values(entry('HANDMATIG:1', -1, paid!.aanvraagId))).rejects.toThrow();
    await expect(h.db.insert(grootboek).values(entry('HANDMATIG:2', -(await saldo()) - 1, 'onbekend'))).rejects.toThrow();
    await expect(h.db.insert(grootboek).values(entry('HANDMATIG:3', 500, 'onbekend-2'))).rejects.toThrow();
    await expect(h.db.insert(grootboek).values({ ...entry('HANDMATIG:4', 500, null, 'BIJDRAGE') })).rejects.toThrow();
    const [m] = await h.db.select({ n: count() }).from(grootboek);
    expect(m!.n).toBe(n!.n);
  });
});

type Stap =
  | { t: 'bijdrage'; pick: number }
  | { t: 'claim'; fraction: number; reject: boolean }
  | { t: 'uitbetalen'; pick: number; parallel: number };

const stap: fc.Arbitrary<Stap> = fc.oneof(
  fc.record({ t: fc.constant('bijdrage' as const), pick: fc.nat() }),
  fc.record({ t: fc.constant('claim' as const), fraction: fc.double({ min: 0.01, max: 2.5, noNaN: true }), reject: fc.boolean() }),
  fc.record({ t: fc.constant('uitbetalen' as const), pick: fc.nat(), parallel: fc.integer({ min: 1, max: 4 }) }),
);

describe('the ledger under random sequences', () => {
  it('keeps the balance equal to the sum of the entries and never below zero, whatever the order', async () => {
    const seen = { betaald: 0, teWeinig: 0, herhaald: 0, bijdrage: 0, nietGoedgekeurd: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(stap, { minLength: 3, maxLength: 8 }), async (stappen) => {
        let expected = await saldo();
        const claims: { id: string; cents: number }[] = [];
        for (const s of stappen) {
          if (s.t === 'bijdrage') {
            // Even picks take a contribution still due, odd picks any (often a retry of a booked one).
            const all = await h.db.select().from(bijdragen).orderBy(bijdragen.id);
            const pool = s.pick % 2 === 0 ? all.filter((x) => x.betaaldOp === null) : all;
            const b = pool[Math.floor(s.pick / 2) % Math.max(pool.length, 1)];
            if (!b) continue;
            const r = await h.gql(fonds, REGISTER, { id: b.id });
            expect(r.errors).toBeUndefined();
            if (r.data.registreerBijdrage.nieuwGeboekt) {
              expected += b.bedragCent;
              seen.bijdrage++;
            }
          } else if (s.t === 'claim') {
            const cents = Math.max(1, Math.min(2_000_000_000, Math.round(Math.max(expected, 100_000) * s.fraction)));
            claims.push({ id: await beslisteClaim(cents, s.reject ? 'AFGEWEZEN' : 'GOEDGEKEURD'), cents });
          } else {
            const c = claims[s.pick % Math.max(claims.length, 1)];
            if (!c) continue;
            const [row] = await h.db.select().from(aanvragen).where(eq(aanvragen.id, c.id));
            const results = await Promise.all(Array.from({ length: s.parallel }, () => h.gql(fonds, PAY, { id: c.id })));
            const booked = results.filter((r) => r.errors === undefined && r.data.betaalGarantieaanvraagUit.nieuwGeboekt);
            expect(booked.length).toBeLessThanOrEqual(1);
            if (row!.status === 'AFGEWEZEN') {
              expect(results.map(codeOf)).toEqual(Array(s.parallel).fill('AANVRAAG_NIET_GOEDGEKEURD'));
              seen.nietGoedgekeurd++;
            } else if (row!.status === 'UITBETAALD') {
              expect(booked).toHaveLength(0);
              seen.herhaald++;
            } else if (c.cents > expected) {
              expect(results.map(codeOf)).toEqual(Array(s.parallel).fill('SALDO_ONTOEREIKEND'));
              seen.teWeinig++;
            } else {
              expect(booked).toHaveLength(1);
              expected -= c.cents;
              seen.betaald++;
            }
          }
          await checkInvariants(expected);
        }
      }),
      {
        numRuns: 15,
        // One hand-written sequence first, so every path is taken whatever the random ones draw.
        examples: [
          [
            [
              { t: 'claim', fraction: 0.4, reject: false },
              { t: 'claim', fraction: 0.2, reject: true },
              { t: 'claim', fraction: 2, reject: false },
              { t: 'uitbetalen', pick: 0, parallel: 3 },
              { t: 'uitbetalen', pick: 0, parallel: 2 },
              { t: 'uitbetalen', pick: 1, parallel: 2 },
              { t: 'uitbetalen', pick: 2, parallel: 2 },
              { t: 'bijdrage', pick: 0 },
            ],
          ],
        ],
      },
    );
    // The random runs must really exercise each path, or the property proves little.
    expect(Object.values(seen).every((n) => n > 0)).toBe(true);
  });
});
