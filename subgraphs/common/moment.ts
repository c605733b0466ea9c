/**
 * The column type of every moment in the subgraphs' own tables. Partners read moments as ISO-8601 in
 * UTC with milliseconds (`2026-11-20T09:30:00.000Z`), whichever database answers: drizzle's
 * `timestamp(…, { mode: 'string' })` hands out PostgreSQL's text form (`2026-11-20 09:30:00+00`), which
 * reached answers beside ISO dates and sorts differently as text. (The access log keeps its own
 * millisecond `Date` column: what its hash chain covers is what is read back.)
 */
import { customType } from 'drizzle-orm/pg-core';

export const moment = customType<{ data: string; driverData: string | Date }>({
  dataType: () => 'timestamp with time zone',
  fromDriver: (value) => new Date(value).toISOString(),
  toDriver: (value) => value,
});
