/**
 * Test and bench support only (never imported by production code): counts the SQL statements that
 * drizzle sends, on PGlite and on PostgreSQL alike, so a test or the bench can show how many
 * statements a request costs without the database layer carrying a hook for it.
 *
 * How: every drizzle query of the pg dialects (`select`, `insert`, `db.execute`, inside a
 * transaction or not) runs through `PgPreparedQuery.prototype.queryWithCache`; while at least one
 * counter is active that method is wrapped. Not counted: the driver's own `BEGIN`/`COMMIT` and
 * migrations. Counters see every database in the process; `match` narrows by SQL text (e.g. a
 * subgraph's schema name).
 */
import { PgPreparedQuery } from 'drizzle-orm/pg-core';

export interface StatementCounter {
  /** Statements counted since this counter started. */
  count(): number;
  /** Stops counting (and unwraps drizzle when it was the last counter). */
  stop(): void;
}

type QueryWithCache = (this: unknown, queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;
const proto = PgPreparedQuery.prototype as unknown as { queryWithCache: QueryWithCache };
const active = new Set<{ match: (sql: string) => boolean; n: number }>();
let original: QueryWithCache | undefined;

export function countStatements(match: (sql: string) => boolean = () => true): StatementCounter {
  if (!original) {
    const wrapped = (original = proto.queryWithCache);
    proto.queryWithCache = function (queryString, params, query) {
      for (const c of active) if (c.match(queryString)) c.n += 1;
      return wrapped.call(this, queryString, params, query);
    };
  }
  const counter = { match, n: 0 };
  active.add(counter);
  return {
    count: () => counter.n,
    stop: () => {
      active.delete(counter);
      if (active.size === 0 && original) {
        proto.queryWithCache = original;
        original = undefined;
      }
    },
  };
}
