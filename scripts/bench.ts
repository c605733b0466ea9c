/**
 * `npm run bench`: figures, not assertions. Sections (all by default; `--only=` picks):
 *
 * - `decide`: one policy decision;
 * - `log`: the access log alone, a transaction per request against group commit;
 * - `compare`: the comparison of issue 13 (scripts/bench/compare.ts) — five workloads at 1, 10 and
 *   50 clients through (a) this federation, (b) the same subgraphs undosed and unlogged, (c) bare Hive
 *   Gateway with the Rust query planner and bare @apollo/gateway in front of (a)'s subgraphs;
 * - `context`: the policy context under load, straight at the subgraphs (scripts/bench-context.ts);
 * - `scale` (only when asked, PostgreSQL only): the regisseur's view and the Werkgroep's figures at
 *   1k, 10k and 100k cases (`--sizes=`), each size loaded once into its own database (scripts/bench/scale.ts).
 *
 * Flags: `--only=` a comma list of sections, workloads (`regisseur`, `corporatie`, `gemeente`,
 * `werkgroep`, `licht-onder-zwaar`) and columns (`federation`, `undosed`, `hiveRust`,
 * `apolloGateway`); naming a workload or column implies `compare`. `--clients=1,10,50` (compare; the
 * context section defaults to 10,50), `--seconds=2.5` (the window per comparison cell), `--json` (the
 * comparison as JSON on stdout; everything else goes to stderr).
 */
import { setMaxListeners } from 'node:events';
import { performance } from 'node:perf_hooks';
import { decide } from '../schema/decide.js';
import type { CaseContext } from '../schema/context.js';
import { generateDevKeys } from '../gateway/dev-issuer/keys.js';
import { loadSupergraph } from '../gateway/supergraph.js';
import { launchFederation } from './federation.js';
import { seedDemoData } from './demo-data/index.js';
import { logboekVan, migrationsFolder } from '../subgraphs/assemble.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/catalog.js';
import { openDatabase } from '../subgraphs/common/database.js';
import { createLogboekWriter } from '../subgraphs/common/logboek/writer.js';
import { benchPolicyContext } from './bench-context.js';
import { launchApolloGateway, launchHiveRust } from './bench/bare-gateways.js';
import { COLUMNS, compare, comparisonJson, printComparison, WORKLOADS, type Column, type ColumnName } from './bench/compare.js';
import { launchUndosed, type BenchGateway } from './bench/undosed.js';
import { benchScale } from './bench/scale.js';
import { silentLogger } from '../subgraphs/common/observability/log.js';

const fmt = (n: number, d = 1) => n.toFixed(d);
/** `DATABASE_URL` runs the federation part on a PostgreSQL server (a fresh database is not made: use an empty one). */
const databaseUrl = process.env['DATABASE_URL'];
const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const json = process.argv.includes('--json');
/** With `--json` only the JSON goes to stdout. */
const log = json ? (line: string) => console.error(line) : (line: string) => console.log(line);

const SECTIONS = ['decide', 'log', 'compare', 'context'] as const;
/** Not in the default run: loading 100k cases takes minutes the first time. */
const ON_REQUEST = ['scale'] as const;
const only = flag('only')?.split(',').map((s) => s.trim()).filter(Boolean);
const workloadNames = WORKLOADS.map((w) => w.name);
for (const o of only ?? []) {
  if (![...SECTIONS, ...ON_REQUEST, ...workloadNames, ...COLUMNS].includes(o as never)) {
    console.error(`bench: --only=${o}: not one of ${[...SECTIONS, ...ON_REQUEST, ...workloadNames, ...COLUMNS].join(', ')}`);
    process.exit(2);
  }
}
const onlyWorkloads = only?.filter((o) => workloadNames.includes(o));
const onlyColumns = only?.filter((o): o is ColumnName => (COLUMNS as readonly string[]).includes(o));
const sections = new Set<string>(
  !only ? SECTIONS : [...only.filter((o) => ([...SECTIONS, ...ON_REQUEST] as readonly string[]).includes(o)), ...(onlyWorkloads?.length || onlyColumns?.length ? ['compare'] : [])],
);
/** `--clients=1,10,50`: the client counts (compare: 1,10,50 by default; context: 10,50). */
const clients = flag('clients')?.split(',').map(Number);
if (clients?.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('bench: --clients= takes whole numbers ≥ 1, e.g. --clients=1,10,50');
  process.exit(2);
}
const seconds = Number(flag('seconds') ?? 2.5);
if (!(seconds > 0)) {
  console.error('bench: --seconds= takes a positive number');
  process.exit(2);
}
// Five gateways and four subgraphs in one process add their own SIGINT/SIGTERM and abort listeners:
// intended here, so Node's leak warning (default 10) would only be noise in the printed figures.
setMaxListeners(100);
process.setMaxListeners(100);

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
  log(`decide(): ${fmt(ns, 0)} ns per call (${fmt(1e9 / ns / 1e6, 2)} M decisions/s; consent scan over 5 records)`);
}

async function benchFederation(): Promise<void> {
  const { keys } = await generateDevKeys();
  const contextCalls = { n: 0 };
  const realFetch = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input instanceof Request ? input.url : input).endsWith('/beleidscontext')) contextCalls.n++;
    return realFetch(input, init);
  }) as typeof fetch;
  const fed = await launchFederation({ devKeys: keys, gatewayPort: 0, logger: silentLogger(), ...(databaseUrl ? { databaseUrl: () => databaseUrl } : {}) });
  const started: BenchGateway[] = [];
  try {
    const t0 = performance.now();
    const counts = await seedDemoData(
      { gemeente: fed.subgraphs.gemeente.database.db, regisseur: fed.subgraphs.regisseur.database.db, corporatie: fed.subgraphs.corporatie.database.db, garantiefonds: fed.subgraphs.garantiefonds.database.db },
      new Date(),
    );
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    log(`federation on ${fed.subgraphs.regisseur.database.kind}, demo data ${rows ? `seeded (${rows} rows) in ${fmt((performance.now() - t0) / 1000)} s` : 'already present (use an empty database)'}`);
    const token = await fed.token({ partij: 'GEMEENTE', gemeente: 'venlo' });
    contextCalls.n = 0;
    await realFetch(`${fed.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ trajecten(eerste: 20) { code fase inwoner { naam telefoon woonsituatie } bemiddelingsprofiel { conclusie } } }' }),
    });
    log(`policy-context lookups for one federated request over 20 cases: ${contextCalls.n} (one per subgraph request, batched)`);

    if (sections.has('compare')) {
      const wanted = (c: ColumnName) => !onlyColumns?.length || onlyColumns.includes(c);
      const columns: Column[] = [];
      if (wanted('federation')) columns.push({ name: 'federation', gatewayUrl: fed.gatewayUrl });
      if (wanted('undosed')) {
        const b = await launchUndosed(fed, { devKeys: keys, gatewayDatabaseUrl: databaseUrl });
        started.push(b);
        columns.push({ name: 'undosed', gatewayUrl: b.gatewayUrl });
      }
      const supergraph = loadSupergraph(Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, fed.subgraphs[n].url])) as Record<SubgraphName, string>);
      for (const [name, launch] of [['hiveRust', launchHiveRust], ['apolloGateway', launchApolloGateway]] as const) {
        if (!wanted(name)) continue;
        const g = await launch(supergraph);
        started.push(g);
        columns.push({ name, gatewayUrl: g.gatewayUrl });
      }
      const clientCounts = clients ?? [1, 10, 50];
      const workloads = onlyWorkloads?.length ? onlyWorkloads : undefined;
      const cells = (workloads?.length ?? WORKLOADS.length) * clientCounts.length * columns.length;
      log(`comparison: ${cells} cells of ${seconds} s (${columns.map((c) => c.name).join(', ')}; clients ${clientCounts.join(', ')}; distinct requests, fresh traceparent each)`);
      const rows = await compare({ fed, columns, workloads, clients: clientCounts, seconds, fetch: realFetch, log });
      log('');
      log(`comparison on ${fed.subgraphs.regisseur.database.kind}, ${seconds} s per cell; req/s · p50 · p99 in ms; (a)/x = req/s of (a) over req/s of x:`);
      printComparison(rows, columns.map((c) => c.name), log);
      if (json) console.log(JSON.stringify(comparisonJson(rows)));
    }
    if (sections.has('context')) {
      await benchPolicyContext(fed, realFetch, { ...(clients ? { clients } : {}), log });
    }
  } finally {
    globalThis.fetch = realFetch;
    for (const g of started.reverse()) await g.stop().catch((e: unknown) => console.error(`bench: stopping ${g.name}: ${String(e)}`));
    await fed.stop();
  }
}

/**
 * The access log alone: one request's records become one chained insert per table. Then the same
 * requests with 10 and 50 in flight, side by side: a writer per request (each request its own
 * transaction, queueing on the log's lock — the writer before group commit) against the one
 * writer per log that the subgraphs use (group commit: concurrent requests share a batch, usually
 * one statement).
 */
async function benchAccessLog(): Promise<void> {
  const database = await openDatabase({ schema: 'gemeente', url: databaseUrl, migrationsFolder: migrationsFolder('gemeente') });
  let batches = 0;
  const newWriter = () =>
    createLogboekWriter({
      db: database.db,
      schema: 'gemeente',
      subgraph: 'gemeente',
      tables: logboekVan('gemeente').tables,
      timeBatch: (batch) => ((batches += 1), batch()),
    });
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
  log(`access log (${database.kind}): ${fmt(ms, 2)} ms per request of 20 field accesses over 4 cases (grouped, chained, 1 insert per table)`);

  let next = 21 + n;
  const concurrent = async (clients: number, writerFor: () => typeof writer) => {
    const runs = 500;
    const before = batches;
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
    return `${fmt(perRequest, 2)} ms/request, ${fmt((batches - before) / runs, 2)} batches/request`;
  };
  for (const clients of [10, 50]) {
    const apart = await concurrent(clients, newWriter);
    const grouped = await concurrent(clients, () => writer);
    log(`access log (${database.kind}), ${clients} requests in flight: a transaction per request ${apart} | group commit ${grouped}`);
  }
  await database.close();
}

if (sections.has('decide')) benchDecide();
if (sections.has('log')) await benchAccessLog();
if (sections.has('compare') || sections.has('context')) await benchFederation();
if (sections.has('scale')) {
  if (!databaseUrl) {
    console.error('bench: --only=scale needs DATABASE_URL (a PostgreSQL server; a database per size is created beside it)');
    process.exit(2);
  }
  const sizes = (flag('sizes') ?? '1000,10000,100000').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 400)) {
    console.error('bench: --sizes= takes whole numbers ≥ 400, e.g. --sizes=1000,10000,100000');
    process.exit(2);
  }
  const { keys } = await generateDevKeys();
  await benchScale({ baseUrl: databaseUrl, sizes, clients: clients ?? [1, 10], seconds, devKeys: keys, logger: silentLogger(), fetch: globalThis.fetch, log });
}
