/**
 * Bench workloads for the policy context under load (issue 13, items 2 and 3): the two paths every
 * request with personal data takes, measured straight at the subgraphs (no gateway in between):
 *
 * - `gemeente _entities`: 20 cases with `inwoner { naam telefoon }` — the gemeente's own rows, one
 *   `POST /beleidscontext` to the regisseur, the dosing decision and the access log;
 * - `regisseur /beleidscontext`: the policy context of 20 cases, as the other subgraphs ask it.
 *
 * At 10 and 50 clients, every request distinct: another window of 20 cases and a fresh
 * `traceparent` each, so nothing can merge identical in-flight requests. Prints req/s, p50, p99 and
 * SQL statements per request (all statements drizzle sends in the process while the workload runs,
 * and of those the regisseur's context tables), counted by `countStatements`.
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import type { Federation } from './federation.js';
import { countStatements } from '../subgraphs/common/statement-count.js';
import { POLICY_CONTEXT_PATH } from '../subgraphs/common/policy-context.js';

const fmt = (n: number, d = 1) => n.toFixed(d);
const traceparent = () => `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
/** The SQL of the regisseur's context loader: its four tables. */
const CONTEXT_SQL = /"regisseur"\."(trajecten|selecties|toestemmingen|doorbrekingen)"/;

export interface WorkloadResult {
  readonly name: string;
  readonly clients: number;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly statementsPerRequest: number;
  readonly contextStatementsPerRequest: number;
  readonly failures: number;
}

async function measure(name: string, clients: number, runs: number, send: (i: number) => Promise<boolean>): Promise<WorkloadResult> {
  for (let i = 0; i < clients; i++) await send(i); // warm-up, not counted
  const all = countStatements();
  const ctx = countStatements((s) => CONTEXT_SQL.test(s));
  const lat: number[] = [];
  let next = 0;
  let failures = 0;
  const t0 = performance.now();
  try {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < runs) {
          const i = next++;
          const s = performance.now();
          if (!(await send(clients + i))) failures += 1;
          lat.push(performance.now() - s);
        }
      }),
    );
  } finally {
    all.stop();
    ctx.stop();
  }
  const seconds = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  const at = (q: number) => lat[Math.min(lat.length - 1, Math.floor(lat.length * q))]!;
  return {
    name,
    clients,
    rps: runs / seconds,
    p50: at(0.5),
    p99: at(0.99),
    statementsPerRequest: all.count() / runs,
    contextStatementsPerRequest: ctx.count() / runs,
    failures,
  };
}

export async function benchPolicyContext(
  fed: Federation,
  post: typeof fetch,
  options: { clients?: readonly number[]; log?: (line: string) => void } = {},
): Promise<WorkloadResult[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const token = await fed.token({ partij: 'REGISSEUR', organisatie: 'regisseur-noord-limburg', regio: 'NOORD_LIMBURG' });
  const headers = () => ({ 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: traceparent() });
  // The cases whose resident's name this regisseur may read now (its region, a phase that allows it),
  // so a complete answer is the only right one and a failure shows in the `failed` column.
  const list = await post(fed.gatewayUrl + '/graphql', {
    method: 'POST',
    headers: headers(),
    body: JSON.stringify({ query: '{ trajecten(eerste: 500) { id inwoner { naam } } }' }),
  });
  const listed = (await list.json()) as { data?: { trajecten: { id: string; inwoner: { naam: string | null } | null }[] } | null; errors?: unknown };
  if (!listed.data) throw new Error(`bench: the regisseur's list failed: ${JSON.stringify(listed.errors)}`);
  const all = listed.data.trajecten;
  const ids = all.filter((t) => t.inwoner?.naam).map((t) => t.id);
  if (ids.length < 40) throw new Error(`bench: only ${ids.length} cases visible to the regisseur`);
  const window = (i: number) => Array.from({ length: 20 }, (_, k) => ids[(i * 20 + k * 7 + Math.floor(i / ids.length)) % ids.length]!);

  const gemeente = fed.subgraphs.gemeente.url;
  const regisseur = fed.subgraphs.regisseur.url.replace(/\/graphql$/, '') + POLICY_CONTEXT_PATH;
  const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Traject { inwoner { naam telefoon } } } }';
  const sendEntities = async (i: number) => {
    const r = await post(gemeente, {
      method: 'POST',
      headers: headers(),
      body: JSON.stringify({ query: entities, variables: { r: window(i).map((id) => ({ __typename: 'Traject', id })) } }),
    });
    const json = (await r.json()) as { data?: { _entities: ({ inwoner: { naam: string | null } | null } | null)[] }; errors?: unknown[] };
    return r.status === 200 && !json.errors && (json.data?._entities.every((e) => e?.inwoner?.naam) ?? false);
  };
  const sendContext = async (i: number) => {
    const r = await post(regisseur, { method: 'POST', headers: headers(), body: JSON.stringify({ trajectIds: window(i) }) });
    const json = (await r.json()) as { contexten?: Record<string, unknown> };
    return r.status === 200 && Object.values(json.contexten ?? {}).every((c) => c !== null);
  };

  const results: WorkloadResult[] = [];
  for (const clients of options.clients ?? [10, 50]) {
    const runs = Math.max(300, clients * 12);
    results.push(await measure('gemeente _entities, 20 cases, inwoner { naam telefoon }', clients, runs, sendEntities));
    results.push(await measure('regisseur POST /beleidscontext, 20 cases', clients, runs * 3, sendContext));
  }
  log(`policy context under load (${fed.subgraphs.regisseur.database.kind}; ${ids.length} visible cases; distinct requests, fresh traceparent each):`);
  log('| workload | clients | req/s | p50 ms | p99 ms | SQL statements/request (context) | failed |');
  log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    log(
      `| ${r.name} | ${r.clients} | ${fmt(r.rps)} | ${fmt(r.p50)} | ${fmt(r.p99)} | ${fmt(r.statementsPerRequest, 2)} (${fmt(r.contextStatementsPerRequest, 2)}) | ${r.failures} |`,
    );
  }
  return results;
}
