/**
 * `npm run bench`'s comparison (issue 13, item 4): the same workloads, in one run, through
 *
 *   (a) `federation`    — this federation as `npm start` runs it (dosing, access log, Woonkans gateway);
 *   (b) `undosed`       — the same subgraphs without dosing transformer and access log, same gateway
 *                         (scripts/bench/undosed.ts);
 *   (c) `hiveRust`      — bare Hive Gateway with the Rust query planner, in front of (a)'s subgraphs;
 *       `apolloGateway` — bare @apollo/gateway, in front of (a)'s subgraphs (scripts/bench/bare-gateways.ts).
 *
 * Every request is distinct: a fresh `traceparent` and other variables (another page, case or
 * period), so no gateway can merge identical in-flight requests. Each cell (workload × clients ×
 * column) runs for a fixed window after a short warm-up; it reports req/s, p50, p99, SQL statements
 * per request (every statement drizzle sent in the process during the window) and failed answers
 * (not 200, no data, or an error other than a dosing refusal). For (a) it also counts the access
 * records written per answer with personal data: rows of the four `verwerkingen` tables by the
 * request's trace id (the Woonkans gateway keeps a caller's valid trace id), mean and minimum.
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { count, inArray } from 'drizzle-orm';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { logboekVan } from '../../subgraphs/assemble.js';
import { SUBGRAPH_NAMES } from '../../subgraphs/catalog.js';
import { countStatements } from '../../subgraphs/common/statement-count.js';
import type { Federation } from '../federation.js';

export const COLUMNS = ['federation', 'undosed', 'hiveRust', 'apolloGateway'] as const;
export type ColumnName = (typeof COLUMNS)[number];
export const COLUMN_LABEL: Record<ColumnName, string> = {
  federation: '(a) this federation',
  undosed: '(b) undosed',
  hiveRust: '(c) Hive + Rust planner',
  apolloGateway: '(c) @apollo/gateway',
};

export interface Column {
  readonly name: ColumnName;
  readonly gatewayUrl: string;
}

type Body = { readonly query: string; readonly variables?: Record<string, unknown> };

interface Workload {
  readonly name: string;
  readonly label: string;
  /** Answers carry personal data: (a) must write at least one access record per answer. */
  readonly personal: boolean;
  readonly persona: Persona;
  /** The i-th request (distinct variables), given the case ids a persona sees. */
  prepare(list: (persona: Persona, query: string) => Promise<string[]>): Promise<Prepared>;
}

interface Prepared {
  readonly body: (i: number) => Body;
  /** Runs continuously, one client, while the workload is measured (the light-under-heavy case). */
  readonly background?: { readonly persona: Persona; readonly body: (i: number) => Body };
}

const REGISSEUR: Persona = { partij: 'REGISSEUR', organisatie: 'regio-noord-limburg', regio: 'NOORD_LIMBURG' };
const CORPORATIE: Persona = { partij: 'CORPORATIE', organisatie: 'woonwenz' };
const GEMEENTE: Persona = { partij: 'GEMEENTE', gemeente: 'venlo' };
const WERKGROEP: Persona = { partij: 'WERKGROEP' };

const PAGE = 20;
/** The i-th full page of 20 of `ids` (a distinct `na` cursor per request while the list allows). */
const pageAfter = (ids: readonly string[], i: number): string | null => {
  const starts = Math.max(1, ids.length - PAGE);
  const k = (i * 7) % starts;
  return k === 0 ? null : ids[k - 1]!;
};
const ALL_IDS = '{ trajecten(eerste: 500) { id } }';

const REGISSEUR_VIEW = `query RegisseurView($na: ID) { trajecten(eerste: 20, na: $na) {
  id code fase inwoner { naam telefoon } bemiddelingsprofiel { woonsituatie } huurovereenkomst { adresWoning }
  evaluaties { datum } garantieaanvragen { status } } }`;
const CORPORATIE_OFFERS = `query Aanbod($na: ID) { trajecten(eerste: 20, na: $na) {
  id code fase selecties { corporatie overlegUitkomst besprokenOp }
  woningaanbod { id corporatie omschrijving kernHuurprijsCent beschikbaarPer } } }`;
const GEMEENTE_ONDERZOEK = `query Onderzoek($na: ID) { trajecten(eerste: 20, na: $na) {
  id code fase inwoner { naam adres telefoon email bsn geboortedatum }
  melding { ontvangenOp ingediendDoor zorgaanbieder toelichting } onderzoek { gesprekOp doelgroep doelgroepToelichting }
  ondersteuningsplan { doelen ondertekendOp ondertekendDoor } documenten { id soort ontvangenOp geldigTot } } }`;
const CIJFER = '{ waarde onderdrukt }';
const WERKGROEP_36 = `query Monitoring($van: String!, $tot: String!, $regio: Regio) { monitoring(periode: MAAND, van: $van, tot: $tot, regio: $regio) {
  sleutel drempel
  perPeriode { periode aangemeld ${CIJFER} doelgroep ${CIJFER} gehuisvest ${CIJFER} nietDoelgroepRegulier ${CIJFER} nietDoelgroepAnders ${CIJFER} }
  perGemeente { gemeente regio aangemeld ${CIJFER} gehuisvest ${CIJFER} }
  doelen { regio jaar doel gerealiseerd ${CIJFER} }
  doorlooptijd { mediaanDagen onderdrukt } fasenNu { fase aantal ${CIJFER} }
  gesprekken { leiddeTotHuisvesting ${CIJFER} nietGeleid ${CIJFER} redenen { reden aantal ${CIJFER} } }
  zelfstandig { naEenJaar ${CIJFER} naTweeJaar ${CIJFER} } zonderToestemming { gedeeld bezwaren }
  garantiefonds { saldoCent bijdragenOpenstaandCent aanvragen uitbetaaldCent } } }`;
/** The heaviest list a regisseur may ask in one request: 500 cases over all four subgraphs. */
const HEAVY = `query Zwaar($na: ID) { trajecten(eerste: 500, na: $na) {
  id code fase regio gemeente versie transities { van naar handeling organisatie reden op }
  inwoner { naam telefoon } bemiddelingsprofiel { woonsituatie huishouden daginvulling mobiliteit sociaalNetwerk socialeRedzaamheid financien conclusie }
  selecties { corporatie overlegUitkomst } huurovereenkomst { adresWoning ingangsdatum kaleHuurCent } evaluaties { datum soort zelfstandigWonend }
  garantieaanvragen { status bedragCent } } }`;
const LIGHT = 'query Licht($id: ID!) { traject(id: $id) { id code fase } }';

export const WORKLOADS: readonly Workload[] = [
  {
    name: 'regisseur',
    label: "regisseur's view of 20 cases over 4 subgraphs",
    personal: true,
    persona: REGISSEUR,
    async prepare(list) {
      const ids = await list(REGISSEUR, ALL_IDS);
      return { body: (i) => ({ query: REGISSEUR_VIEW, variables: { na: pageAfter(ids, i) } }) };
    },
  },
  {
    name: 'corporatie',
    label: "corporation's list of offers (20 cases)",
    personal: true,
    persona: CORPORATIE,
    async prepare(list) {
      const ids = await list(CORPORATIE, ALL_IDS);
      return { body: (i) => ({ query: CORPORATIE_OFFERS, variables: { na: pageAfter(ids, i) } }) };
    },
  },
  {
    name: 'gemeente',
    label: "gemeente's research view (20 cases)",
    personal: true,
    persona: GEMEENTE,
    async prepare(list) {
      const ids = await list(GEMEENTE, ALL_IDS);
      return { body: (i) => ({ query: GEMEENTE_ONDERZOEK, variables: { na: pageAfter(ids, i) } }) };
    },
  },
  {
    name: 'werkgroep',
    label: "Werkgroep's figures over 36 months",
    personal: false,
    persona: WERKGROEP,
    async prepare() {
      // Three whole calendar years per request, a different range and regio each time.
      const year = new Date().getUTCFullYear();
      const regios = [null, 'NOORD_LIMBURG', 'MIDDEN_LIMBURG'];
      return {
        body: (i) => {
          const from = year - 2 - (Math.floor(i / regios.length) % 8);
          return { query: WERKGROEP_36, variables: { van: `${from}-01-01`, tot: `${from + 3}-01-01`, regio: regios[i % regios.length] } };
        },
      };
    },
  },
  {
    name: 'licht-onder-zwaar',
    label: "gemeente's one case by id while a regisseur's 500-case list runs",
    personal: true,
    persona: GEMEENTE,
    async prepare(list) {
      const ids = await list(GEMEENTE, ALL_IDS);
      const heavy = await list(REGISSEUR, ALL_IDS);
      return {
        body: (i) => ({ query: LIGHT, variables: { id: ids[(i * 7) % ids.length]! } }),
        // Another start each time: the first case, or one of the first ten (the list stays long).
        background: { persona: REGISSEUR, body: (i) => ({ query: HEAVY, variables: { na: i % 11 === 0 ? null : heavy[(i % 11) - 1]! } }) },
      };
    },
  },
];

export interface Cell {
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly requests: number;
  readonly failed: number;
  readonly sqlPerRequest: number;
  /**
   * CPU time of this one Node process (load generator, gateways, subgraphs; not PostgreSQL) per
   * answer: steadier than req/s on a shared machine, so before/after comparisons read it first.
   */
  readonly cpuMsPerRequest: number;
  /** (a) only, workloads with personal data: access records per answer, mean and minimum. */
  readonly records?: { readonly mean: number; readonly min: number };
  /** The light-under-heavy workload: how many heavy requests ran, and their mean duration. */
  readonly background?: { readonly runs: number; readonly meanMs: number };
}

export interface ComparisonRow {
  readonly name: string;
  readonly label: string;
  readonly clients: number;
  readonly columns: Partial<Record<ColumnName, Cell>>;
}

const traceparent = () => {
  const traceId = randomBytes(16).toString('hex');
  return { traceId, header: `00-${traceId}-${randomBytes(8).toString('hex')}-01` };
};

interface Refusal {
  readonly extensions?: { readonly code?: string };
}

export interface CompareOptions {
  readonly fed: Federation;
  readonly columns: readonly Column[];
  readonly workloads?: readonly string[] | undefined;
  readonly clients: readonly number[];
  /** Measurement window per cell. */
  readonly seconds: number;
  readonly fetch: typeof fetch;
  readonly log: (line: string) => void;
}

export async function compare(options: CompareOptions): Promise<ComparisonRow[]> {
  const { fed, seconds, log } = options;
  const post = options.fetch;
  const tokens = new Map<Persona, string>();
  const tokenOf = async (p: Persona) => {
    if (!tokens.has(p)) tokens.set(p, await fed.token(p));
    return tokens.get(p)!;
  };
  const send = async (url: string, persona: Persona, body: Body, trace = traceparent()) => {
    const r = await post(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf(persona)}`, traceparent: trace.header },
      body: JSON.stringify(body),
    });
    const json = (await r.json()) as { data?: unknown; errors?: Refusal[] };
    const ok = r.status === 200 && json.data != null && (json.errors ?? []).every((e) => e.extensions?.code === 'DOSERING_GEWEIGERD');
    return { ok, json, traceId: trace.traceId };
  };
  const list = async (persona: Persona, query: string) => {
    const { json } = await send(fed.gatewayUrl, persona, { query });
    const ids = ((json.data as { trajecten?: { id: string }[] } | undefined)?.trajecten ?? []).map((t) => t.id);
    if (ids.length === 0) throw new Error(`bench: ${persona.partij} sees no case: ${JSON.stringify(json.errors)}`);
    return ids;
  };

  const selected = WORKLOADS.filter((w) => !options.workloads || options.workloads.includes(w.name));
  const rows: ComparisonRow[] = [];
  for (const w of selected) {
    const { body, background: heavy } = await w.prepare(list);
    let next = 0;
    for (const clients of options.clients) {
      const row: ComparisonRow = { name: w.name, label: w.label, clients, columns: {} };
      for (const column of options.columns) {
        // Warm-up (plans, caches, connections), not counted; the first answer is described in the log.
        const first = await send(column.gatewayUrl, w.persona, body(next++));
        await send(column.gatewayUrl, w.persona, body(next++));
        let stopBackground = false;
        const bg = { runs: 0, ms: 0 };
        const background = heavy
          ? (async () => {
              let b = 0;
              while (!stopBackground) {
                const s = performance.now();
                await send(column.gatewayUrl, heavy.persona, heavy.body(b++));
                bg.runs += 1;
                bg.ms += performance.now() - s;
              }
            })()
          : undefined;
        const sql = countStatements();
        const cpu = process.cpuUsage();
        const lat: number[] = [];
        const traces: string[] = [];
        let failed = 0;
        const t0 = performance.now();
        const deadline = t0 + seconds * 1000;
        try {
          await Promise.all(
            Array.from({ length: clients }, async () => {
              while (performance.now() < deadline) {
                const s = performance.now();
                const r = await send(column.gatewayUrl, w.persona, body(next++));
                lat.push(performance.now() - s);
                if (r.ok) traces.push(r.traceId);
                else failed += 1;
              }
            }),
          );
        } finally {
          sql.stop();
        }
        const { user, system } = process.cpuUsage(cpu);
        const elapsed = (performance.now() - t0) / 1000;
        stopBackground = true;
        await background;
        lat.sort((a, b) => a - b);
        const at = (q: number) => lat[Math.min(lat.length - 1, Math.floor(lat.length * q))] ?? NaN;
        const cell: Cell = {
          rps: lat.length / elapsed,
          p50: at(0.5),
          p99: at(0.99),
          requests: lat.length,
          failed,
          sqlPerRequest: sql.count() / Math.max(1, lat.length + bg.runs),
          cpuMsPerRequest: (user + system) / 1000 / Math.max(1, lat.length + bg.runs),
          ...(column.name === 'federation' && w.personal ? { records: await recordsPerAnswer(fed, traces) } : {}),
          ...(heavy ? { background: { runs: bg.runs, meanMs: bg.runs ? bg.ms / bg.runs : NaN } } : {}),
        };
        (row.columns as Record<ColumnName, Cell>)[column.name] = cell;
        log(`  ${w.name} × ${clients} × ${column.name}: ${cell.rps.toFixed(1)} req/s, p50 ${cell.p50.toFixed(0)} ms, CPU ${cell.cpuMsPerRequest.toFixed(1)} ms/req${failed ? `, ${failed} failed` : ''} (an answer: ${describe(first.json)})`);
      }
      rows.push(row);
    }
  }
  return rows;
}

/** What an answer holds, for the log: list length, non-null leaves, refusals. */
function describe(json: { data?: unknown; errors?: Refusal[] }): string {
  let leaves = 0;
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    else if (v !== null && v !== undefined) leaves += 1;
  };
  walk(json.data);
  const root = json.data && typeof json.data === 'object' ? Object.values(json.data)[0] : undefined;
  const codes = [...new Set((json.errors ?? []).map((e) => e.extensions?.code ?? '?'))];
  return `${Array.isArray(root) ? `${root.length} items, ` : ''}${leaves} values, ${json.errors?.length ?? 0} errors${codes.length ? ` (${codes.join(', ')})` : ''}`;
}

/** Access records of (a) per answer: the four logs' `verwerkingen` rows by trace id. */
async function recordsPerAnswer(fed: Federation, traceIds: readonly string[]): Promise<{ mean: number; min: number }> {
  const perTrace = new Map<string, number>(traceIds.map((t) => [t, 0]));
  for (const name of SUBGRAPH_NAMES) {
    const { verwerkingen } = logboekVan(name).tables;
    const db = fed.subgraphs[name].database.db;
    for (let i = 0; i < traceIds.length; i += 1000) {
      const rows = await db
        .select({ traceId: verwerkingen.traceId, n: count() })
        .from(verwerkingen)
        .where(inArray(verwerkingen.traceId, traceIds.slice(i, i + 1000)))
        .groupBy(verwerkingen.traceId);
      for (const r of rows) perTrace.set(r.traceId, (perTrace.get(r.traceId) ?? 0) + Number(r.n));
    }
  }
  const counts = [...perTrace.values()];
  if (counts.length === 0) return { mean: NaN, min: NaN };
  return { mean: counts.reduce((a, b) => a + b, 0) / counts.length, min: Math.min(...counts) };
}

const f = (n: number | undefined, d = 1) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(d));

/** The table: one line per workload × clients, columns side by side, ratios against (a). */
export function printComparison(rows: readonly ComparisonRow[], columns: readonly ColumnName[], log: (line: string) => void): void {
  const others = columns.filter((c) => c !== 'federation');
  const header = ['workload', 'clients', ...columns.map((c) => `${COLUMN_LABEL[c]} req/s · p50 · p99 ms`)];
  if (columns.includes('federation')) header.push(...others.map((c) => `(a)/${c}`), '(a) SQL/req', '(a) records/answer (min)', 'failed');
  log(`| ${header.join(' | ')} |`);
  log(`|${header.map(() => '---').join('|')}|`);
  for (const r of rows) {
    const a = r.columns.federation;
    const cells = columns.map((c) => {
      const x = r.columns[c];
      return x ? `${f(x.rps)} · ${f(x.p50, 0)} · ${f(x.p99, 0)}` : '–';
    });
    const line = [r.label, String(r.clients), ...cells];
    if (columns.includes('federation')) {
      line.push(...others.map((c) => (a && r.columns[c] ? `${f(a.rps / r.columns[c]!.rps, 2)}` : '–')));
      line.push(a ? `${f(a.sqlPerRequest)}` : '–');
      line.push(a?.records ? `${f(a.records.mean)} (${f(a.records.min, 0)})` : 'no personal data');
      line.push(String(Object.values(r.columns).reduce((n, x) => n + (x?.failed ?? 0), 0)));
    }
    log(`| ${line.join(' | ')} |`);
  }
  const bg = rows.filter((r) => Object.values(r.columns).some((x) => x?.background));
  for (const r of bg) {
    log(
      `heavy 500-case list during "${r.name}" at ${r.clients} clients: ` +
        columns.map((c) => `${c} ${r.columns[c]?.background?.runs ?? 0}× ${f(r.columns[c]?.background?.meanMs, 0)} ms`).join(', '),
    );
  }
}

/** The issue's JSON shape: `{"workloads":[{"name","clients","federation":{"rps","p50","p99"},…,"ratios":{…}}]}`. */
export function comparisonJson(rows: readonly ComparisonRow[]): unknown {
  return {
    workloads: rows.map((r) => {
      const a = r.columns.federation;
      const out: Record<string, unknown> = { name: r.name, clients: r.clients };
      for (const c of COLUMNS) {
        const x = r.columns[c];
        if (x) out[c] = { rps: x.rps, p50: x.p50, p99: x.p99, failed: x.failed, sqlPerRequest: x.sqlPerRequest, cpuMsPerRequest: x.cpuMsPerRequest, ...(x.records ? { recordsPerAnswer: x.records } : {}) };
      }
      out['ratios'] = Object.fromEntries(
        COLUMNS.filter((c) => c !== 'federation' && a && r.columns[c]).map((c) => [c, a!.rps / r.columns[c]!.rps]),
      );
      return out;
    }),
  };
}
