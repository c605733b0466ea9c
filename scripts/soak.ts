/**
 * `npm run soak`: 200 clients for ten minutes against the federation deployed apart — four
 * `npm run start:subgraph` processes and one `npm run start:gateway` — with faults on a schedule
 * (issue 14). Every request is distinct (a fresh `traceparent`, a random persona and one of the
 * queries its party may ask, the regisseur's 20-case view among them). Prints every 30 s and at the
 * end: answers, statuses, 5xx, transport failures, and each process's memory; at the end also the
 * answers with personal data without their access records (by trace id, `test/helpers/access-records.ts`),
 * which must be 0. Exits 1 on a 5xx outside an injected fault's window, on a record missing, or
 * when a process died that was not killed on purpose.
 *
 *   npm run soak                              # 10 minutes, 200 clients, PGlite in a temp folder
 *   npm run soak -- --minuten 2 --clients 50
 *   DATABASE_URL=postgres://… npm run soak -- --pg-ctl /usr/lib/postgresql/15/bin/pg_ctl --pg-data /srv/pg/data
 *
 * The faults, at fractions of the run: one subgraph killed (SIGKILL) and restarted 5 s later (at
 * 20 % corporatie, at 85 % gemeente); an overload burst of 1,000 extra requests at once (45 %); a
 * PostgreSQL restart (70 %) — only on a server (`DATABASE_URL`) and only with `--pg-ctl` and
 * `--pg-data`, else skipped and said so. On PGlite the logs are read from the subgraphs' folders
 * after the processes stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { generateDevKeys } from '../gateway/dev-issuer/keys.js';
import { mintToken, type Persona } from '../gateway/dev-issuer/mint.js';
import { migrationsFolder } from '../subgraphs/assemble.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../subgraphs/catalog.js';
import { openDatabase } from '../subgraphs/common/database.js';
import { postgres } from '../subgraphs/common/postgres-client.js';
import { answersWithoutRecords, pgliteRunSql, postgresRunSql, type AnswerWithPersonalData, type RunSql } from '../test/helpers/access-records.js';
import { FUZZ_PERSONAS, REGISSEUR_VIEW } from '../test/helpers/fuzz-operations.js';
import { seedDemoData } from './demo-data/index.js';
import { freePort } from './federation.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}
const minutes = Number(arg('minuten') ?? 10);
const clients = Number(arg('clients') ?? 200);
const pgCtl = arg('pg-ctl');
const pgData = arg('pg-data');
const databaseUrl = process.env['DATABASE_URL'];
if (!(minutes > 0) || !(clients > 0)) {
  console.error('--minuten en --clients moeten positief zijn');
  process.exit(2);
}
const durationMs = minutes * 60_000;
const ISSUER = 'https://woonkans.dev/issuer';
const AUDIENCE = 'woonkans-gateway';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let t0 = performance.now();
const since = () => performance.now() - t0;
const fmtS = (ms: number) => `${(ms / 1000).toFixed(0)} s`;

// ————————————————————————————————— the federation, deployed apart

const dir = await mkdtemp(join(tmpdir(), 'woonkans-soak-'));
const { keys } = await generateDevKeys();
// The identity provider: a JWKS the processes fetch (a deployed gateway runs no development issuer).
const jwks = createServer((req, res) => {
  res.writeHead(req.url === '/jwks.json' ? 200 : 404, { 'content-type': 'application/json' });
  res.end(req.url === '/jwks.json' ? JSON.stringify({ keys: [keys.publicJwk] }) : '{}');
});
await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
const jwksUrl = `http://127.0.0.1:${(jwks.address() as { port: number }).port}/jwks.json`;
const sleutelFile = join(dir, 'sleutel.json');
await writeFile(sleutelFile, JSON.stringify({ key: randomBytes(32).toString('base64') }), { mode: 0o600 });

// Migrations and the demo data first, in this process; then the processes open the same databases.
{
  const dbs = await Promise.all(
    SUBGRAPH_NAMES.map((name) => openDatabase({ schema: name, url: databaseUrl, dataDir: databaseUrl ? undefined : join(dir, name), migrationsFolder: migrationsFolder(name) })),
  );
  const by = Object.fromEntries(SUBGRAPH_NAMES.map((n, i) => [n, dbs[i]!])) as Record<SubgraphName, (typeof dbs)[number]>;
  const counts = await seedDemoData({ gemeente: by.gemeente.db, regisseur: by.regisseur.db, corporatie: by.corporatie.db, garantiefonds: by.garantiefonds.db }, new Date());
  await Promise.all(dbs.map((d) => d.close()));
  console.log(`soak: ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dir}`}; demo data ${JSON.stringify(counts)}`);
}

const ports = Object.fromEntries(await Promise.all(SUBGRAPH_NAMES.map(async (n) => [n, await freePort()] as const))) as Record<SubgraphName, number>;
const gatewayPort = await freePort();
const common: Record<string, string> = {
  JWKS_URL: jwksUrl,
  JWT_ISSUER: ISSUER,
  JWT_AUDIENCE: AUDIENCE,
  SLEUTEL_KEY_FILE: sleutelFile,
  SHUTDOWN_DELAY_MS: '0',
  REGISSEUR_URL: `http://127.0.0.1:${ports.regisseur}`,
  PGLITE_DIR: dir,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
};
const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(JWKS_URL|DEV_ISSUER|SLEUTEL_KEY_FILE|DATABASE_URL.*|PORT|.*_PORT|.*_URL|PGLITE_DIR)$/.test(k)));

interface Proc {
  readonly name: string;
  child: ChildProcess;
  out: string;
  /** Killed on purpose (a fault), so its exit is expected. */
  killed: boolean;
  memory: number[];
}
const procs = new Map<string, Proc>();
// Interrupted (Ctrl-C, a stopped job): the processes it started go with it, not left listening.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopAll().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : 15))));
}

async function launch(name: SubgraphName | 'gateway'): Promise<Proc> {
  const env =
    name === 'gateway'
      ? { PORT: String(gatewayPort), ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [`${n.toUpperCase()}_URL`, `http://127.0.0.1:${ports[n]}/graphql`])) }
      : { [`${name.toUpperCase()}_PORT`]: String(ports[name]) };
  const script = name === 'gateway' ? ['gateway/main.ts'] : ['subgraphs/main.ts', name];
  const child = spawn(process.execPath, ['--import', 'tsx', ...script], { env: { ...clean, ...common, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const p: Proc = procs.get(name) ?? { name, child, out: '', killed: false, memory: [] };
  p.child = child;
  p.killed = false;
  procs.set(name, p);
  // Ready when it answers its own readiness check, whatever its log lines look like.
  const readyz = `http://127.0.0.1:${name === 'gateway' ? gatewayPort : ports[name]}/readyz`;
  let out = '';
  const onData = (c: Buffer) => {
    out += String(c);
    p.out = (p.out + String(c)).slice(-20_000);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} stopte (${child.exitCode ?? child.signalCode}):\n${out}`);
    if (Date.now() > deadline) throw new Error(`${name} start niet binnen 90 s:\n${out}`);
    const status = await fetch(readyz, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status, () => 0);
    if (status === 200) break;
    await sleep(250);
  }
  return p;
}

const rssOf = (pid: number | undefined): number | undefined => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
  } catch {
    return undefined;
  }
};

let exitCode = 0;
const unexpectedExits: string[] = [];
try {
  for (const n of SUBGRAPH_NAMES) await launch(n);
  await launch('gateway');
  for (const p of procs.values()) {
    p.child.on('exit', (code, signal) => {
      if (!p.killed) unexpectedExits.push(`${p.name} (${code ?? signal}) na ${fmtS(since())}:\n${p.out.slice(-3000)}`);
    });
  }
  const gateway = `http://127.0.0.1:${gatewayPort}`;
  console.log(`soak: gateway ${gateway}, subgraphs ${SUBGRAPH_NAMES.map((n) => `${n}:${ports[n]}`).join(' ')}; ${clients} clients, ${minutes} min`);

  // ————————————————————————————————— the load

  const tokens = await Promise.all(FUZZ_PERSONAS.map((p) => Promise.all([0, 1, 2, 3].map(() => mintToken(keys, p, { issuer: ISSUER, audience: AUDIENCE, ttlSeconds: 3600 })))));
  /** What each party may ask; every list of cases asks `id`, `code` and, where the party may see it, the resident's name. */
  const queryFor = (p: Persona, n: number): string => {
    const eerste = 5 + (n % 16);
    switch (p.partij) {
      case 'REGISSEUR':
        return n % 2 === 0 ? REGISSEUR_VIEW : `{ trajecten(eerste: ${eerste}) { id code fase inwoner { naam } bemiddelingsprofiel { conclusie } } }`;
      case 'GEMEENTE':
        return `{ trajecten(eerste: ${eerste}) { id code fase inwoner { naam telefoon } } }`;
      case 'ZORGAANBIEDER':
        return `{ trajecten(eerste: ${eerste}) { id code fase inwoner { naam } } }`;
      case 'CORPORATIE':
        return `{ trajecten(eerste: ${eerste}) { id code fase woningaanbod { id } huurovereenkomst { corporatie } } }`;
      case 'GARANTIEFONDS':
        return '{ garantieaanvragen { id status trajectCode } garantiefonds { saldoCent } }';
      case 'TOEZICHT':
        return '{ doorbrekingenTerBeoordeling { id } organisaties { corporaties } }';
      default:
        return '{ organisaties { corporaties zorgaanbieders } }';
    }
  };

  interface Counts {
    answers: number;
    statuses: Map<number, number>;
    fiveXx: number;
    fiveXxInFault: number;
    failures: number;
    withData: number;
    ms: number[];
  }
  const counts: Counts = { answers: 0, statuses: new Map(), fiveXx: 0, fiveXxInFault: 0, failures: 0, withData: 0, ms: [] };
  const withPersonalData: AnswerWithPersonalData[] = [];
  /** The requests that got no answer, by why (`TimeoutError`, `UND_ERR_CONNECT_TIMEOUT`, `ECONNRESET`, …). */
  const failureKinds = new Map<string, number>();
  const fiveXxSamples: string[] = [];
  /** The errors in the answers by code (and service): refusals, unreachable subgraphs during a kill. */
  const errorCodes = new Map<string, number>();
  /** Fault windows: [start, end] in ms since t0; a 5xx inside one is counted apart. */
  const faultWindows: [number, number][] = [];
  const inFault = (t: number) => faultWindows.some(([a, b]) => t >= a - 1000 && t <= b + 5000);
  // A fault's window opens when it starts, not when it is over: answers to requests sent during it
  // arrive while it lasts (the burst's own 503s among them) and are judged then.
  const openWindow = (): [number, number] => {
    const window: [number, number] = [since(), Number.POSITIVE_INFINITY];
    faultWindows.push(window);
    return window;
  };
  let n = 0;
  const ask = async () => {
    const i = n++;
    const personaIndex = Math.floor(Math.random() * FUZZ_PERSONAS.length);
    const persona = FUZZ_PERSONAS[personaIndex]!;
    const token = tokens[personaIndex]![i % 4]!;
    const traceId = randomBytes(16).toString('hex');
    const sentAt = since();
    try {
      const r = await fetch(`${gateway}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
        body: JSON.stringify({ query: queryFor(persona, i) }),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await r.text();
      counts.answers++;
      counts.ms.push(since() - sentAt);
      counts.statuses.set(r.status, (counts.statuses.get(r.status) ?? 0) + 1);
      if (r.status >= 500) {
        if (inFault(sentAt)) counts.fiveXxInFault++;
        else counts.fiveXx++;
        if (fiveXxSamples.length < 5) fiveXxSamples.push(`${r.status} na ${fmtS(sentAt)}: ${text.slice(0, 300)}`);
      }
      type Item = { id?: string; code?: string | null; inwoner?: { naam?: string | null } | null } | null;
      const body = JSON.parse(text) as { data?: { trajecten?: Item[] | null } | null; errors?: { extensions?: { code?: string; reden?: string; serviceName?: string } }[] };
      for (const e of body.errors ?? []) {
        const code = `${e.extensions?.code ?? '?'}${e.extensions?.reden ? `/${e.extensions.reden}` : ''}${e.extensions?.serviceName ? ` (${e.extensions.serviceName})` : ''}`;
        errorCodes.set(code, (errorCodes.get(code) ?? 0) + 1);
      }
      const list = body.data?.trajecten ?? [];
      const cases = list.filter((t) => t?.code && t.id).map((t) => String(t!.id));
      const named = list.filter((t) => t?.inwoner?.naam && t.id).map((t) => String(t!.id));
      if (cases.length || named.length) {
        counts.withData++;
        withPersonalData.push({ traceId, cases, named });
      }
    } catch (error) {
      counts.failures++;
      // Why: our 30 s timeout, a connection never accepted (undici's connect timeout), or a reset.
      const e = error as { name?: string; cause?: { code?: string; name?: string } };
      const why = e.cause?.code ?? e.cause?.name ?? e.name ?? 'onbekend';
      failureKinds.set(why, (failureKinds.get(why) ?? 0) + 1);
    }
  };
  // The run's clock starts with the load (the setup above took its own time).
  t0 = performance.now();
  let running = true;
  const workers = Array.from({ length: clients }, async () => {
    while (running) await ask();
  });

  // ————————————————————————————————— reporting and faults

  const memoryLine = () =>
    [...procs.values()]
      .map((p) => {
        const mb = rssOf(p.child.pid);
        if (mb !== undefined) p.memory.push(mb);
        return `${p.name} ${mb === undefined ? '—' : `${mb.toFixed(0)} MB`}`;
      })
      .join(', ');
  let lastAnswers = 0;
  let lastAt = 0;
  // The load generator's own event loop: when it lags, its 30 s timeouts also count time an answer
  // sat unread in its sockets, so "geen antwoord" then says as much about this process as about
  // the gateway.
  const lag = monitorEventLoopDelay({ resolution: 20 });
  lag.enable();
  const report = (label: string) => {
    const now = since();
    const rate = ((counts.answers - lastAnswers) / Math.max(1, now - lastAt)) * 1000;
    lastAnswers = counts.answers;
    lastAt = now;
    const statuses = [...counts.statuses].sort(([a], [b]) => a - b).map(([s, c]) => `${s}: ${c}`).join(', ');
    console.log(`[${fmtS(now)}] ${label}: ${counts.answers} antwoorden (${rate.toFixed(0)}/s), ${statuses}; 5xx ${counts.fiveXx} (+${counts.fiveXxInFault} in een storing), geen antwoord ${counts.failures}, met persoonsgegevens ${counts.withData}; geheugen: ${memoryLine()}; vertraging van de soak zelf max ${(lag.max / 1e6).toFixed(0)} ms`);
    lag.reset();
  };
  const ticker = setInterval(() => report('tussenstand'), 30_000);

  const killAndRestart = async (name: SubgraphName) => {
    const p = procs.get(name)!;
    const window = openWindow();
    const start = window[0];
    console.log(`[${fmtS(start)}] storing: ${name} gedood (SIGKILL), herstart over 5 s`);
    p.killed = true;
    p.child.kill('SIGKILL');
    await sleep(5000);
    await launch(name);
    p.child.on('exit', (code, signal) => {
      if (!p.killed) unexpectedExits.push(`${name} (${code ?? signal}) na ${fmtS(since())}:\n${p.out.slice(-3000)}`);
    });
    window[1] = since();
    console.log(`[${fmtS(since())}] ${name} draait weer (${fmtS(since() - start)} na de kill)`);
  };
  const burst = async () => {
    const window = openWindow();
    const start = window[0];
    console.log(`[${fmtS(start)}] storing: overbelasting, 1000 extra verzoeken tegelijk`);
    await Promise.all(Array.from({ length: 1000 }, () => ask()));
    window[1] = since();
    console.log(`[${fmtS(since())}] overbelasting voorbij (${fmtS(since() - start)})`);
  };
  const restartPostgres = async () => {
    if (!databaseUrl || !pgCtl || !pgData) {
      console.log(`[${fmtS(since())}] storing overgeslagen: PostgreSQL herstarten vraagt DATABASE_URL, --pg-ctl en --pg-data${databaseUrl ? '' : ' (deze soak draait op PGlite)'}`);
      return;
    }
    const window = openWindow();
    const start = window[0];
    console.log(`[${fmtS(start)}] storing: PostgreSQL herstart (${pgCtl} -D ${pgData} restart)`);
    const [cmd, ...rest] = pgCtl.split(' ');
    await new Promise<void>((resolve) => {
      const c = spawn(cmd!, [...rest, '-D', pgData, '-m', 'fast', '-w', 'restart'], { stdio: 'inherit' });
      c.once('exit', () => resolve());
      c.once('error', (e) => {
        console.log(`pg_ctl mislukt: ${e.message}`);
        resolve();
      });
    });
    window[1] = since();
  };
  const schedule: [number, () => Promise<void>][] = [
    [0.2, () => killAndRestart('corporatie')],
    [0.45, burst],
    [0.7, restartPostgres],
    [0.85, () => killAndRestart('gemeente')],
  ];
  for (const [at, fault] of schedule) {
    const wait = at * durationMs - since();
    if (wait > 0) await sleep(wait);
    await fault();
  }
  const rest = durationMs - since();
  if (rest > 0) await sleep(rest);
  running = false;
  await Promise.all(workers);
  clearInterval(ticker);
  report('einde');
  const health = await fetch(`${gateway}/healthz`).then(
    (r) => r.status,
    () => 0,
  );

  // ————————————————————————————————— access records by trace id

  let unlogged: string[];
  if (databaseUrl) {
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const run = postgresRunSql(sql as never);
      unlogged = await answersWithoutRecords({ regisseur: run, gemeente: run }, withPersonalData);
    } finally {
      await sql.end({ timeout: 5 });
    }
  } else {
    // PGlite is one process's folder: stop the processes, then read the logs from their folders.
    await stopAll();
    const open = async (name: SubgraphName): Promise<[PGlite, RunSql]> => {
      const pg = await PGlite.create(join(dir, name));
      return [pg, pgliteRunSql(pg)];
    };
    const [r, runR] = await open('regisseur');
    const [g, runG] = await open('gemeente');
    try {
      unlogged = await answersWithoutRecords({ regisseur: runR, gemeente: runG }, withPersonalData);
    } finally {
      await r.close();
      await g.close();
    }
  }
  const ms = [...counts.ms].sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.floor(ms.length * p))] ?? 0;
  console.log(`
Soak, ${minutes} min, ${clients} clients, ${databaseUrl ? 'PostgreSQL' : 'PGlite'}:
  antwoorden:        ${counts.answers} (${(counts.answers / (durationMs / 1000)).toFixed(0)}/s; p50 ${q(0.5).toFixed(0)} ms, p99 ${q(0.99).toFixed(0)} ms)
  statussen:         ${[...counts.statuses].sort(([a], [b]) => a - b).map(([s, c]) => `${s}: ${c}`).join(', ')}
  5xx:               ${counts.fiveXx} buiten de storingen, ${counts.fiveXxInFault} tijdens een storing${fiveXxSamples.length ? `\n    ${fiveXxSamples.join('\n    ')}` : ''}
  geen antwoord:     ${counts.failures} (binnen 30 s)${failureKinds.size ? `: ${[...failureKinds].map(([k, v]) => `${k} ${v}`).join(', ')}` : ''}
  fouten in antwoorden: ${[...errorCodes].sort(([, a], [, b]) => b - a).map(([c, k]) => `${c} ${k}`).join(', ') || 'geen'}
  met persoonsgegevens: ${withPersonalData.length} antwoorden (${withPersonalData.reduce((s, a) => s + a.cases.length, 0)} trajecten, ${withPersonalData.reduce((s, a) => s + a.named.length, 0)} namen)
  zonder verwerkingsregels: ${unlogged.length}${unlogged.length ? `\n    ${unlogged.slice(0, 10).join('\n    ')}` : ''}
  /healthz aan het eind: ${health}
  onverwacht gestopte processen: ${unexpectedExits.length}${unexpectedExits.length ? `\n${unexpectedExits.join('\n')}` : ''}
  geheugen per proces (rss MB, elke 30 s):
${[...procs.values()].map((p) => `    ${p.name.padEnd(14)} ${p.memory.map((m) => m.toFixed(0)).join(' → ')}`).join('\n')}`);
  if (counts.fiveXx > 0 || unlogged.length > 0 || unexpectedExits.length > 0 || health !== 200) exitCode = 1;
} catch (error) {
  console.error(error);
  for (const p of procs.values()) console.error(`--- ${p.name}\n${p.out.slice(-3000)}`);
  exitCode = 1;
} finally {
  await stopAll();
  jwks.close();
  await rm(dir, { recursive: true, force: true });
}
process.exit(exitCode);

async function stopAll(): Promise<void> {
  await Promise.all(
    [...procs.values()].map(async (p) => {
      if (p.child.exitCode !== null || p.child.signalCode !== null) return;
      p.killed = true;
      const exited = new Promise((r) => p.child.once('exit', r));
      p.child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    }),
  );
}
