/**
 * The column type of every moment in the subgraphs' own tables. Partners read moments as ISO-8601 in
 * UTC with milliseconds (`2026-11-20T09:30:00.000Z`), whichever database answers: drizzle's
 * `timestamp(…, { mode: 'string' })` hands out PostgreSQL's text form (`2026-11-20 09:30:00+00`), which
 * reached answers beside ISO dates and sorts differently as text. (The access log keeps its own
 * millisecond `Date` column: what its hash chain covers is what is read back.)
 */
import { customType } from 'drizzle-orm/pg-core';

/** PostgreSQL's text form of a `timestamptz`: `2026-11-20 09:30:00.123456+00`, `…+05:30`. */
const PG_TEXT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?([+-])(\d{2})(?::?(\d{2}))?$/;

/**
 * Reads the driver's value as an instant. PostgreSQL's text form read by hand: `new Date()` sends it
 * through V8's legacy parser, microseconds per value, and a list or the Werkgroep's figures read
 * hundreds of thousands of them. Anything else (a `Date` from PGlite, `infinity`) as before.
 */
export function momentFromDriver(value: string | Date): string {
  const m = typeof value === 'string' ? PG_TEXT.exec(value) : null;
  if (!m) return new Date(value).toISOString();
  const millis = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  const offset = (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10] ?? 0)) * 60_000;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), millis) - offset).toISOString();
}

export const moment = customType<{ data: string; driverData: string | Date }>({
  dataType: () => 'timestamp with time zone',
  fromDriver: momentFromDriver,
  toDriver: (value) => value,
});
