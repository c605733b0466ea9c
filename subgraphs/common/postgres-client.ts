/**
 * The PostgreSQL client (porsager/postgres), with the one defect that kills a process on a server
 * restart repaired at its source.
 *
 * The defect (postgres 3.4.9, the newest release; upstream issues porsager/postgres#1154, #1208, open
 * fixes #1168, #1209): when a connection closes, `closed()` sets `socket = null`. A query that still
 * reaches that connection — typically the `rollback` that `sql.begin` sends after the transaction's
 * query failed with CONNECTION_CLOSED — calls `write()`, which defers small writes to a
 * `setImmediate(nextWrite)`, and `nextWrite` calls `socket.write` on `null`. The TypeError is thrown
 * from a timer, so no try/catch or promise sees it and the process dies (`npm start`: the whole
 * federation, within 0.2 s of `pg_ctl restart`).
 *
 * Why this fix: no fixed version exists on the registry (`npm view postgres versions` ends at 3.4.9),
 * the driver keeps `socket` in a closure so no option or wrapper from outside can reach it, and
 * connection options (`max_lifetime`, `idle_timeout`) only make the race rarer. So we load the
 * driver's own CommonJS build with `connection.js` patched in memory, the same guard as upstream
 * PR #1209: if the socket is gone, settle the pending queries with a catchable CONNECTION_CLOSED
 * instead of throwing (dropping the write silently would leave the caller waiting forever). And
 * `closed()` forgets a cancelled write timer and its buffered bytes, so a reconnect neither skips
 * its flush nor sends stale bytes before its StartupMessage. The patch is applied by exact text; if
 * the installed version differs, `postgresPatched` is false, a warning is printed and a test fails,
 * so an upgrade is re-checked rather than silently unpatched.
 *
 * Last line of defence, `guardAgainstNullSocketWrite`: a process-level handler that recognises
 * exactly this TypeError from `nextWrite` in postgres's `connection.js`, logs it and keeps running;
 * every other uncaught exception is printed and the process exits 1, as without the handler.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Module, { createRequire } from 'node:module';
import type postgresType from 'postgres';
import type { Logger } from './observability/log.js';

const require = createRequire(import.meta.url);

const NEXT_WRITE = `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`;
const NEXT_WRITE_GUARDED = `  function nextWrite(fn) {
    if (socket === null) { // woonkans: guard, see subgraphs/common/postgres-client.ts
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options))
      return false
    }
    const x = socket.write(chunk, fn)`;
const CLOSED = `    incomings = null
    clearImmediate(nextWriteTimer)
    socket.removeListener('data', data)`;
const CLOSED_RESET = `    incomings = null
    clearImmediate(nextWriteTimer)
    chunk = nextWriteTimer = null // woonkans: forget the cancelled write, see postgres-client.ts
    socket.removeListener('data', data)`;

function loadPatched(): { postgres: typeof postgresType; patched: boolean } {
  // The package's `require` entry is its CommonJS build, `cjs/src/index.js`; connection.js sits beside it.
  const indexFile = require.resolve('postgres');
  const connectionFile = join(dirname(indexFile), 'connection.js');
  const source = readFileSync(connectionFile, 'utf8');
  const patched = source.includes(NEXT_WRITE) && source.includes(CLOSED);
  if (patched && !require.cache[connectionFile]) {
    const m = new Module(connectionFile) as Module & { _compile(code: string, filename: string): void };
    m.filename = connectionFile;
    m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(connectionFile));
    m._compile(source.replace(NEXT_WRITE, NEXT_WRITE_GUARDED).replace(CLOSED, CLOSED_RESET), connectionFile);
    m.loaded = true;
    require.cache[connectionFile] = m;
  }
  if (!patched) {
    console.warn('postgres: connection.js is niet de verwachte 3.4.9-tekst; nextWrite-bewaking niet toegepast (zie subgraphs/common/postgres-client.ts)');
  }
  const loaded = require(indexFile) as typeof postgresType | { default: typeof postgresType };
  return { postgres: 'default' in loaded && typeof loaded !== 'function' ? loaded.default : (loaded as typeof postgresType), patched };
}

const loaded = loadPatched();
/** The driver, with the `nextWrite` guard in place when `postgresPatched`. */
export const postgres: typeof postgresType = loaded.postgres;
export const postgresPatched: boolean = loaded.patched;

/** Seconds a connection attempt may take (a host that does not answer) before its query fails. */
export const CONNECT_TIMEOUT_S = 2;
/** Seconds between a closed or failed connection and its next attempt: uniform in [min, max]. */
export const RECONNECT_BACKOFF_S = { min: 0.02, max: 0.12 } as const;

/**
 * The options of every service's connection pool (each subgraph's and the gateway's, all through
 * `openDatabase`), so a database outage is met the same way everywhere: fail closed fast, resume
 * without a restart.
 *
 * - `backoff`: a query that finds no open connection waits in the pool's queue, and each failed
 *   connection attempt releases one queued query (rejected) and then waits `backoff` before the
 *   next attempt. The driver's default grows with every failed attempt of the pool (3^n/100 s, up to
 *   20 s, reset only when a connection succeeds), so during an outage queued queries waited tens of
 *   seconds (issue 14: requests hung up to 29.5 s) and after it the first reconnect came late. A
 *   short jittered pause keeps refusals quick (a refused connect costs about a millisecond) and
 *   reconnects at once after the outage, while the jitter keeps the pools from attempting in step.
 *   The cost: about 10 / 0.07 s ≈ 140 attempts a second per pool, and only while queries wait.
 * - `connect_timeout`: a connection attempt that hangs (a dead host, a dropped SYN) gives up after
 *   CONNECT_TIMEOUT_S instead of waiting on the operating system.
 * - `idle_timeout`: idle connections are released after 30 s; `max_lifetime` stays the driver's
 *   jittered 30–60 minutes (a server restart closes every connection anyway, the driver notices).
 */
export function servicePoolOptions(): postgresType.Options<Record<string, postgresType.PostgresType>> {
  const { min, max } = RECONNECT_BACKOFF_S;
  return {
    max: 10,
    onnotice: () => {},
    connect_timeout: CONNECT_TIMEOUT_S,
    idle_timeout: 30,
    backoff: () => min + Math.random() * (max - min),
    // The access log's routine takes its lock and then reads the chain's head in its next statement,
    // which sees what the lock's previous holder committed only under READ COMMITTED. Set once per
    // connection, whatever the server's default: a `SET TRANSACTION` per batch was one more round
    // trip while the lock is held. Transactions that need more still say so themselves.
    connection: { default_transaction_isolation: 'read committed' },
  };
}

type Sql = ReturnType<typeof postgres>;

/**
 * The pool as drizzle should use it: every statement with parameters prepared, once per connection.
 * drizzle sends each statement through the driver's `unsafe`, which does not prepare, and an
 * unprepared statement with parameters costs two round trips (Parse and Describe to learn the
 * parameters' types, then Bind and Execute): for the subgraphs that was half of all socket writes
 * to the database under load. Prepared, a statement is described once per connection and then sent
 * in one write. The statement texts are few and fixed (lists go as one array parameter, `any-of.ts`),
 * so each connection keeps a few dozen. Transactions get the same, through `begin`'s handle.
 *
 * A pooler in transaction mode must support protocol-level prepared statements (PgBouncer 1.21
 * and later with `max_prepared_statements`).
 */
export function preparedStatements(client: Sql): Sql {
  const wrap = <T extends object>(sql: T): T =>
    new Proxy(sql, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver) as unknown;
        if (property === 'unsafe') {
          const unsafe = value as Sql['unsafe'];
          return (query: string, parameters?: unknown[], options?: Record<string, unknown>) =>
            unsafe.call(target, query, parameters as never, { prepare: true, ...options } as never);
        }
        if (property === 'begin' || property === 'savepoint') {
          const open = value as (...args: unknown[]) => Promise<unknown>;
          return (...args: unknown[]) => {
            const run = args.at(-1) as (tx: object) => unknown;
            return open.apply(target, [...args.slice(0, -1), (tx: object) => run(wrap(tx))]);
          };
        }
        return value;
      },
    });
  return wrap(client);
}

/** True for exactly the upstream defect: a TypeError on `null.write` thrown in postgres's `nextWrite`. */
export function isNullSocketWrite(error: unknown): boolean {
  if (!(error instanceof TypeError)) return false;
  if (!/Cannot read properties of null \(reading 'write'\)/.test(error.message)) return false;
  const top = (error.stack ?? '').split('\n').slice(1, 3).join('\n');
  return /nextWrite/.test(top) && /postgres[/\\](cjs[/\\])?src[/\\]connection\.js/.test(top);
}

let guarded = false;
/**
 * Installs the last-line handler once per process; only the entry points call it (never a library
 * or a test runner). It catches only `isNullSocketWrite`; anything else is printed and ends the
 * process with exit code 1, as Node does without a handler.
 */
export function guardAgainstNullSocketWrite(log: Pick<Logger, 'error' | 'fatal'>): void {
  if (guarded) return;
  guarded = true;
  process.on('uncaughtException', (error) => {
    if (isNullSocketWrite(error)) {
      log.error('postgres: schrijven op gesloten verbinding opgevangen (porsager/postgres#1154); proces blijft draaien');
      return;
    }
    // Not ours: what Node does without a handler — report it (one line) and exit non-zero.
    log.fatal({ err: error }, 'onverwachte fout; proces stopt');
    process.exit(1);
  });
}
