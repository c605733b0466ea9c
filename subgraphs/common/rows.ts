/**
 * The two drivers answer raw SQL differently: postgres.js as an array of rows, PGlite as
 * `{ rows }`. The few raw statements (the log's retention, the monitoring's digest) go through this reader.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown } | null)?.rows;
  if (Array.isArray(rows)) return rows as T[];
  throw new Error('unexpected result shape from db.execute');
}
