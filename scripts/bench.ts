/**
 * `npm run bench`: figures, not assertions. Measures the policy decision, a federated query through
 * the gateway against the same data asked of one subgraph directly, how many policy-context lookups
 * a request makes (batched, never per field), and what the access log costs.
 */
import { performance } from 'node:perf_hooks';
import { decide } from '../schema/decide.js';
import type { CaseContext } from '../schema/context.js';
import { generateDevKeys } from '../gateway/dev-issuer/keys.js';
import { launchFederation } from './federation.js';
import { seedDemoData } from './demo-data/index.js';
import { logboekVan, migrationsFolder } from '../subgraphs/assemble.js';
import { openDatabase } from '../subgraphs/common/database.js';
import { countTransactions } from '../subgraphs/common/logboek/transaction-count.js';
import { createLogboekWriter } from '../subgraphs/common/logboek/writer.js';
import { benchPolicyContext } from './bench-context.js';

const fmt = (n: number, d = 1) => n.toFixed(d);
/** `DATABASE_URL` runs the federation part on a PostgreSQL server (a fresh database is not made: use an empty one). */
const databaseUrl = process.env['DATABASE_URL'];
/** `npm run bench -- --only=context` runs only the policy-context workloads (scripts/bench-context.ts). */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
/** `--clients=10,50` (default): the client counts of the policy-context workloads. */
const contextClients = process.argv.find((a) => a.startsWith('--clients='))?.slice('--clients='.length).split(',').map(Number);

function benchDecide(): void {
  const ctx: CaseContext = {
    trajectId: 't', fase: 'CORPORATIEGESPREK', gemeente: 'venlo', regio: 'NOORD_LIMBURG', betrokkene: '',
    geselecteerd: ['woonwenz', 'antares'], gematcht: null, melder: null, gekoppeldeZorgaanbieder: null,
    toestemmingen: Array.from({ length: 5 }, (_, i) => ({
      id: `t${i}`, ontvanger: { partij: 'CORPORATIE', organisatie: i === 4 ? 'woonwenz' : 'antares' }, categorieen: ['GEZONDHEID'],
      doel: 'PASSENDE_WONING', richting: 'VERSTREKKEN', gegevenOp: '2026-01-01T00:00:00Z', geldigTot: '2026-12-31T00:00:00Z',
    })),
    doorbrekingen: [],
  };
  const caller = { sub: 'x', partij: 'CORPORATIE', organisatie: 'woonwenz' } as const;
  const fields = [
    { coordinate: 'Inwoner.gezondheid', categorie: 'GEZONDHEID', grondslag: 'WMO_GEZONDHEID', doel: 'PASSENDE_ONDERSTEUNING' },
    { coordinate: 'Bemiddelingsprofiel.conclusie', categorie: 'PROFIEL', grondslag: 'WMO_PUBLIEKE_TAAK', doel: 'MATCH_BEMIDDELING' },
    { coordinate: 'Inwoner.naam', categorie: 'IDENTITEIT', grondslag: 'WMO_PUBLIEKE_TAAK', doel: 'PASSENDE_ONDERSTEUNING' },
  ] as const;
  const now = Date.parse('2026-06-01T00:00:00Z');
  const n = 300_000;
  for (let i = 0; i < 10_000; i++) decide(caller, ctx, fields[i % 3]!, now);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) decide(caller, ctx, fields[i % 3]!, now);
  const ns = ((performance.now() - t0) * 1e6) / n;
  console.log(`decide(): ${fmt(ns, 0)} ns per call (${fmt(1e9 / ns / 1e6, 2)} M decisions/s; consent scan over 5 records)`);
}

async function timed(label: string, runs: number, concurrency: number, send: () => Promise<void>) {
  const lat: number[] = [];
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < runs) {
        const s = performance.now();
        await send();
        lat.push(performance.now() - s);
      }
    }),
  );
  const total = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const rps = runs / total;
  console.log(`${label}: ${fmt(rps)} req/s, p50 ${fmt(lat[Math.floor(lat.length / 2)]!)} ms, p95 ${fmt(lat[Math.floor(lat.length * 0.95)]!)} ms`);
  return rps;
}

async function benchFederation({ contextOnly = false } = {}): Promise<void> {
  const { keys } = await generateDevKeys();
  const contextCalls = { n: 0 };
  const realFetch = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input instanceof Request ? input.url : input).endsWith('/beleidscontext')) contextCalls.n++;
    return realFetch(input, init);
  }) as typeof fetch;
  const fed = await launchFederation({ devKeys: keys, gatewayPort: 0, log: () => {}, ...(databaseUrl ? { databaseUrl: () => databaseUrl } : {}) });
  console.log(`federation on ${fed.subgraphs.regisseur.database.kind}; concurrency 8, so p50 ≈ 8 × the service time on a single-connection PGlite`);
  try {
    await seedDemoData(
      { gemeente: fed.subgraphs.gemeente.database.db, regisseur: fed.subgraphs.regisseur.database.db, corporatie: fed.subgraphs.corporatie.database.db, garantiefonds: fed.subgraphs.garantiefonds.database.db },
      new Date(),
    );
    if (contextOnly) {
      await benchPolicyContext(fed, realFetch, contextClients ? { clients: contextClients } : {});
      return;
    }
    const token = await fed.token({ partij: 'GEMEENTE', gemeente: 'venlo' });
    const post = async (url: string, query: string) => {
      const r = await realFetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
      const json = (await r.json()) as { errors?: unknown };
      if (r.status !== 200) throw new Error(JSON.stringify(json));
    };
    const gw = `${fed.gatewayUrl}/graphql`;
    const federated = '{ trajecten(eerste: 20) { code fase inwoner { naam telefoon woonsituatie } bemiddelingsprofiel { conclusie } } }';
    const codesOnly = '{ trajecten(eerste: 20) { code fase } }';
    contextCalls.n = 0;
    await post(gw, federated);
    console.log(`policy-context lookups for one federated request over 20 cases: ${contextCalls.n} (one per subgraph request, batched)`);
    const direct = await timed('regisseur subgraph directly (20 cases, no personal data)', 200, 8, () => post(fed.subgraphs.regisseur.url, codesOnly));
    const viaGw = await timed('gateway, same query', 200, 8, () => post(gw, codesOnly));
    const composed = await timed('gateway, 20 cases composed from 2 subgraphs with personal data + access log', 200, 8, () => post(gw, federated));
    console.log(`ratio gateway/direct: ${fmt(viaGw / direct, 2)}; composed+dosed+logged/plain: ${fmt(composed / viaGw, 2)}`);
    await benchPolicyContext(fed, realFetch, contextClients ? { clients: contextClients } : {});
  } finally {
    globalThis.fetch = realFetch;
    await fed.stop();
  }
}

/**
 * The access log alone: one request's records become one chained insert per table. Then the same
 * requests with 10 and 50 in flight, side by side: a writer per request (each request its own
 * transaction, queueing on the log's lock — the writer before group commit) against the one
 * writer per log that the subgraphs use (group commit: concurrent requests share a transaction).
 */
async function benchAccessLog(): Promise<void> {
  const database = await openDatabase({ schema: 'gemeente', url: databaseUrl, migrationsFolder: migrationsFolder('gemeente') });
  const counted = countTransactions(database.db);
  const newWriter = () => createLogboekWriter({ db: counted.db, schema: 'gemeente', subgraph: 'gemeente', tables: logboekVan('gemeente').tables });
  const writer = newWriter();
  const caller = { sub: 'consulent', partij: 'GEMEENTE', organisatie: 'gemeente-venlo', gemeente: 'venlo' } as const;
  const fields = ['Inwoner.naam', 'Inwoner.adres', 'Inwoner.telefoon', 'Inwoner.bsn', 'Inwoner.gezondheid'];
  const request = (i: number) =>
    Array.from({ length: 20 }, (_, k) => ({
      trajectId: `traject-${i}-${k % 4}`,
      betrokkene: `inwoner-${k % 4}`,
      field: { coordinate: fields[k % fields.length]!, categorie: 'IDENTITEIT', grondslag: 'WMO_PUBLIEKE_TAAK', doel: 'PASSENDE_ONDERSTEUNING' },
      decision: { allowed: true, relatie: 'EIGEN_GEMEENTE', fase: 'ONDERZOEK', grondslag: 'WMO_PUBLIEKE_TAAK', doel: 'PASSENDE_ONDERSTEUNING' },
    })) as never;
  const meta = (i: number) => ({ caller, traceId: i.toString(16).padStart(32, '0'), spanId: i.toString(16).padStart(16, '0'), operationName: 'Bench', subgraph: 'gemeente' });
  const n = 300;
  for (let i = 1; i <= 20; i++) await writer(request(i), meta(i));
  const t0 = performance.now();
  for (let i = 21; i < 21 + n; i++) await writer(request(i), meta(i));
  const ms = (performance.now() - t0) / n;
  console.log(`access log (${database.kind}): ${fmt(ms, 2)} ms per request of 20 field accesses over 4 cases (grouped, chained, 1 insert per table)`);

  let next = 21 + n;
  const concurrent = async (clients: number, writerFor: () => typeof writer) => {
    const runs = 500;
    const transactions = counted.transactions();
    const start = performance.now();
    let sent = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (sent < runs) {
          sent += 1;
          const i = next++;
          await writerFor()(request(i), meta(i));
        }
      }),
    );
    const perRequest = (performance.now() - start) / runs;
    return `${fmt(perRequest, 2)} ms/request, ${fmt((counted.transactions() - transactions) / runs, 2)} transactions/request`;
  };
  for (const clients of [10, 50]) {
    const apart = await concurrent(clients, newWriter);
    const grouped = await concurrent(clients, () => writer);
    console.log(`access log (${database.kind}), ${clients} requests in flight: a transaction per request ${apart} | group commit ${grouped}`);
  }
  await database.close();
}

if (only === 'context') {
  await benchFederation({ contextOnly: true });
} else {
  benchDecide();
  await benchAccessLog();
  await benchFederation();
}
