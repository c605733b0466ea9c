/**
 * The two drivers answer raw SQL differently: postgres.js as an array of rows, PGlite as
 * `{ rows }`. The few raw statements of this module (retention procedure) go through this reader.
 */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown } | null)?.rows;
  if (Array.isArray(rows)) return rows as T[];
  throw new Error('logboek: unexpected result shape from db.execute');
}
