/**
 * `column = any($1)`: a list of values as one array parameter, where drizzle's `inArray` binds one
 * parameter per value. The statement's text is then the same for every list length, so each
 * connection prepares it once. With `in ($1, …, $n)` every new length was a new statement: a Parse
 * and Describe round trip before the query itself, and one more prepared statement kept on the
 * connection for as long as it lives. The batched loaders and the coalesced policy-context loads
 * see every length from one to several hundred.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

export function anyOf(column: AnyPgColumn, values: readonly string[]): SQL {
  return sql`${column} = any(${sql.param([...values])})`;
}
