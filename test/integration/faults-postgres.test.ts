/**
 * Issue 14, items 1 and 4, on a real PostgreSQL server this test starts and stops itself (a throwaway
 * cluster in a temp dir on a port in 55480–55489), under the real `npm start` process with load:
 *
 * - `pg_ctl restart` during load: the process survives (it died within 0.2 s with postgres 3.4.9's
 *   `nextWrite` on a null socket) and answers with data again without a restart;
 * - a stop of several seconds: every answer is a refusal without data within 2 s, `/readyz` is 503;
 *   after the start the same query returns data and `/readyz` is 200 again;
 * - no answer carried personal data without its access records: every case in an answer has its
 *   record in the regisseur's log and every resident's name its record in the gemeente's log, by
 *   trace id and case (a name refused with TOEGANGSLOG_ONBEREIKBAAR is no data).
 *
 * Skipped without `TEST_DATABASE_URL` (it marks a run that has PostgreSQL binaries and a server).
 *
 * The PostgreSQL binaries run asynchronously (never `execFileSync`): a blocked event loop would hold
 * the load's answers back and blur which answer came during the outage. Each answer carries when it
 * was sent and when it came back, and the outage is the interval between `pg_ctl stop` returning and
 * `pg_ctl start` being called. Every wait is a bounded poll for a condition.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgres, postgresPatched } from '../../subgraphs/common/postgres-client.js';
import { answersWithoutRecords, postgresRunSql } from '../helpers/access-records.js';
import { startProcess, type StartedProcess } from '../helpers/start-process.js';

const serverUrl = process.env['TEST_DATABASE_URL'];
/** The newest installed PostgreSQL, as `.ci/run` picks it. */
const PGBIN = (() => {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  return readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'pg_ctl')) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
    .map((v) => join(root, v, 'bin'))[0];
})();
const asRoot = process.getuid?.() === 0;
/** initdb and postgres refuse to run as root: as root, run them as `postgres` (as `.ci/run` does). */
const pgCommand = (args: string[]): string[] => (asRoot ? ['runuser', '-u', 'postgres', '--', ...args] : args);

/** Runs a PostgreSQL binary without blocking the event loop; rejects with its output on failure. */
function runPg(args: string[], timeoutMs = 60_000): Promise<void> {
  const [cmd, ...rest] = pgCommand(args);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd!, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += String(c)));
    child.stderr.on('data', (c) => (out += String(c)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${args.map((a) => a.replace(/^.*\//, '')).join(' ')}: ${code ?? signal}\n${out}`));
    });
  });
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();

interface Answer {
  /** When the request was sent and when its answer (or failure) came back, in `performance.now()` ms. */
  readonly sentAt: number;
  readonly doneAt: number;
  readonly ms: number;
  readonly status: number;
  /** Cases in the answer (the regisseur's `Traject.code`), and those with a resident's name (the gemeente's `Inwoner.naam`). */
  readonly cases: readonly string[];
  readonly named: readonly string[];
  readonly withData: boolean;
  readonly traceId: string;
  readonly codes: string[];
  /** A transport failure or a body that is not JSON: the process did not answer. */
  readonly failure?: string;
}

describe.skipIf(!serverUrl || !PGBIN)('a PostgreSQL restart and outage under load (npm start)', () => {
  let dir: string | undefined;
  let port = 0;
  let started: StartedProcess | undefined;
  const pgCtl = (...args: string[]) => runPg([join(PGBIN!, 'pg_ctl'), '-D', join(dir!, 'data'), ...args]);
  const serverOptions = () => `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const startPg = () => pgCtl('-o', serverOptions(), '-l', join(dir!, 'log'), '-w', 'start');

  /** Idempotent; also run on a worker's exit so a killed run leaves no cluster behind. */
  const cleanupSync = () => {
    if (started && started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGKILL');
    if (!dir) return;
    if (existsSync(join(dir, 'data', 'postmaster.pid'))) {
      try {
        const [cmd, ...rest] = pgCommand([join(PGBIN!, 'pg_ctl'), '-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
        execFileSync(cmd!, rest, { stdio: 'ignore', timeout: 30_000 });
      } catch {
        /* not running */
      }
    }
    rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  };

  beforeAll(async () => {
    process.once('exit', cleanupSync);
    // As root in /tmp (the postgres user must reach it, as in `.ci/run`), else the user's temp dir.
    dir = await mkdtemp(join(asRoot ? '/tmp' : tmpdir(), 'woonkans-faults-pg-'));
    if (asRoot) execFileSync('chown', ['postgres', dir]);
    await runPg([join(PGBIN!, 'initdb'), '-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
    // A port can be taken between the check and the start (another run): try the next one.
    const failures: string[] = [];
    for (let p = 55480; p <= 55489; p++) {
      if (!(await portFree(p))) continue;
      port = p;
      try {
        await startPg();
        return;
      } catch (error) {
        failures.push(String(error));
      }
    }
    port = 0;
    throw new Error(`geen PostgreSQL gestart op 55480–55489\n${failures.join('\n')}`);
  }, 120_000);

  afterAll(async () => {
    process.removeListener('exit', cleanupSync);
    if (started && started.child.exitCode === null && started.child.signalCode === null) {
      started.child.kill('SIGKILL');
      await Promise.race([started.exited, sleep(10_000)]);
    }
    if (dir) {
      await pgCtl('-m', 'immediate', '-w', 'stop').catch(() => {}); // already stopped, or never started
      await rm(dir, { recursive: true, force: true });
      dir = undefined;
    }
  }, 60_000);

  it('survives restart and outage, fails closed within 2 s, recovers, and logs every answer with data', async () => {
    // The driver's restart defect is repaired at its source (an upgrade that changes connection.js must be re-checked).
    expect(postgresPatched).toBe(true);
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    started = await startProcess({ DATABASE_URL: url, PGLITE_DIR: join(dir!, 'app'), SHUTDOWN_DELAY_MS: '0' }, 60_000);
    const proc = started;
    const token = await proc.token('partij=GEMEENTE&gemeente=venlo');
    const alive = () => {
      if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
        throw new Error(`het proces stopte (${proc.child.exitCode ?? proc.child.signalCode}):\n${proc.output().slice(-4000)}`);
      }
    };

    const answers: Answer[] = [];
    let n = 0;
    const ask = async (): Promise<Answer> => {
      const traceId = randomBytes(16).toString('hex');
      const eerste = 1 + (n++ % 15); // distinct requests
      const sentAt = now();
      let answer: Answer;
      try {
        const r = await fetch(`${proc.gatewayUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
          body: JSON.stringify({ query: `{ trajecten(eerste: ${eerste}) { id code inwoner { naam } } }` }),
          // Far above the 2 s a refusal may take, far below the test's timeout: a hang shows as a failure.
          signal: AbortSignal.timeout(15_000),
        });
        type Item = { id?: string | null; code?: string | null; inwoner?: { naam?: string | null } | null } | null;
        const body = (await r.json()) as { data?: { trajecten?: Item[] | null } | null; errors?: { extensions?: { code?: string } }[] };
        const list = body.data?.trajecten ?? [];
        const doneAt = now();
        const cases = list.filter((t) => t?.code).map((t) => String(t!.id));
        const named = list.filter((t) => t?.inwoner?.naam).map((t) => String(t!.id));
        answer = {
          sentAt,
          doneAt,
          ms: doneAt - sentAt,
          status: r.status,
          cases,
          named,
          withData: cases.length > 0 || named.length > 0,
          traceId,
          codes: (body.errors ?? []).map((e) => String(e.extensions?.code)),
        };
      } catch (error) {
        const doneAt = now();
        answer = { sentAt, doneAt, ms: doneAt - sentAt, status: 0, cases: [], named: [], withData: false, traceId, codes: [], failure: String(error) };
      }
      answers.push(answer);
      return answer;
    };
    let loading = true;
    const workers = Array.from({ length: 4 }, async () => {
      while (loading) if ((await ask()).failure) await sleep(50);
    });
    const readyz = async (): Promise<{ status: number; sentAt: number; doneAt: number }> => {
      const sentAt = now();
      const status = await fetch(`${proc.gatewayUrl}/readyz`, { signal: AbortSignal.timeout(10_000) }).then(
        (r) => r.status,
        () => 0,
      );
      return { status, sentAt, doneAt: now() };
    };
    /** Polls until an answer sent at or after `from` is whole again (names, no error); ms from `from`, bounded. */
    const dataAgain = async (from: number, limitMs = 20_000): Promise<number> => {
      while (now() - from < limitMs) {
        alive();
        const a = answers.find((x) => x.sentAt >= from && x.named.length > 0 && x.codes.length === 0);
        if (a) return a.doneAt - from;
        await sleep(50);
      }
      throw new Error(`geen gegevens binnen ${limitMs} ms:\n${proc.output().slice(-4000)}`);
    };
    const readyAgain = async (from: number, limitMs = 20_000): Promise<number> => {
      while (now() - from < limitMs) {
        alive();
        if ((await readyz()).status === 200) return now() - from;
        await sleep(100);
      }
      throw new Error(`readyz niet 200 binnen ${limitMs} ms`);
    };

    try {
      const t0 = now();
      await dataAgain(t0, 30_000); // warm-up: the first answers compile and fill the pools
      expect((await readyz()).status).toBe(200);

      // 1. A restart under load: the process survives and serves data again without a restart.
      const restartAt = now();
      await pgCtl('-m', 'fast', '-w', 'restart', '-o', serverOptions(), '-l', join(dir!, 'log'));
      const restartedAt = now();
      const afterRestartMs = await dataAgain(restartedAt);
      alive();

      // 2. An outage of several seconds (at least 3 s and 8 refusals, at most 15 s).
      await pgCtl('-m', 'fast', '-w', 'stop');
      const stoppedAt = now();
      const readyDuring: Awaited<ReturnType<typeof readyz>>[] = [];
      const inOutage = () => answers.filter((a) => a.sentAt >= stoppedAt);
      while (now() - stoppedAt < 3000 || (inOutage().length < 8 && now() - stoppedAt < 15_000)) {
        alive();
        readyDuring.push(await readyz());
        await sleep(250);
      }
      const startAt = now();
      await startPg();
      const startedAt = now();
      const afterOutageMs = await dataAgain(startedAt);
      const readyAfterMs = await readyAgain(startedAt);

      loading = false;
      await Promise.all(workers);
      alive();

      // Nothing went unanswered: no transport failure, no body that is not JSON, no 5xx.
      expect(answers.filter((a) => a.failure !== undefined || a.status >= 500)).toEqual([]);

      // Sent after the stop and answered before the start: refusals without data, within 2 s.
      const outage = answers.filter((a) => a.sentAt >= stoppedAt && a.doneAt <= startAt);
      expect(outage.length).toBeGreaterThanOrEqual(8);
      expect(outage.filter((a) => a.withData)).toEqual([]);
      expect(outage.filter((a) => a.codes.length === 0)).toEqual([]);
      // Sent during the outage at all (some answered only after the start): none waited 2 s.
      const sentInOutage = answers.filter((a) => a.sentAt >= stoppedAt && a.sentAt <= startAt);
      expect(sentInOutage.filter((a) => a.ms >= 2000).map((a) => Math.round(a.ms))).toEqual([]);
      const readyInOutage = readyDuring.filter((r) => r.doneAt <= startAt);
      expect(readyInOutage.length).toBeGreaterThan(0);
      expect(readyInOutage.map((r) => r.status).filter((s) => s !== 503)).toEqual([]);

      // Around the restart: what the answers were (reported; a refusal is allowed, data without records is not).
      const duringRestart = answers.filter((a) => a.doneAt >= restartAt && a.sentAt <= restartedAt + afterRestartMs);
      const silentEmpty = answers.filter((a) => !a.withData && a.codes.length === 0 && a.status === 200);
      const ms = outage.map((a) => a.ms).sort((a, b) => a - b);
      const guardFired = (proc.output().match(/schrijven op gesloten verbinding opgevangen/g) ?? []).length;
      console.log(
        `faults-postgres (PostgreSQL ${PGBIN!.split('/').at(-2)}, poort ${port}): ${answers.length} antwoorden; ` +
          `herstart ${Math.round(restartedAt - restartAt)} ms, ${duringRestart.filter((a) => !a.withData).length} van ${duringRestart.length} antwoorden eromheen zonder gegevens, ` +
          `gegevens terug ${Math.round(afterRestartMs)} ms na de herstart; ` +
          `storing ${Math.round(startAt - stoppedAt)} ms: ${outage.length} weigeringen, mediaan ${Math.round(ms[ms.length >> 1]!)} ms, traagste ${Math.round(ms.at(-1)!)} ms, ` +
          `readyz ${readyInOutage.length}× 503 (traagste ${Math.round(Math.max(...readyInOutage.map((r) => r.doneAt - r.sentAt)))} ms); ` +
          `start ${Math.round(startedAt - startAt)} ms, gegevens terug ${Math.round(afterOutageMs)} ms en readyz 200 ${Math.round(readyAfterMs)} ms na de start; ` +
          `lege lijsten zonder fout ${silentEmpty.length}; nextWrite-vangnet ${guardFired}×`,
      );
    } finally {
      loading = false;
      await Promise.all(workers);
    }

    // 3. Every answer with personal data has its access records: each case (regisseur) and each
    //    name (gemeente), by trace id and case, allowed. Written before the answer left, so present now.
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      const run = postgresRunSql(sql);
      const unlogged = await answersWithoutRecords({ regisseur: run, gemeente: run }, answers);
      expect(answers.filter((a) => a.named.length > 0).length).toBeGreaterThan(0);
      expect(unlogged).toEqual([]);
    } finally {
      await sql.end({ timeout: 5 });
    }
  }, 120_000);
});
