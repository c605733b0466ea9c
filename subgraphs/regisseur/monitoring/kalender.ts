/**
 * Calendar dates for the monitoring, in Dutch time.
 *
 * Why: the routeplanner stores instants (`timestamptz`), the driver hands them back as text in the
 * session's time zone (`2025-01-31 23:30:00+00`), and a melding made at half past midnight on 1 February
 * in Venlo belongs to February, not to January. Periods are Dutch calendar months.
 */

const NL = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Reads an instant as Postgres or JavaScript writes it; throws on anything else (a bug, never input). */
export function leesMoment(value: string): Date {
  const iso = value.trim().replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  const date = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(date.getTime())) throw new RangeError(`geen tijdstip: ${value}`);
  return date;
}

/** The calendar date (`YYYY-MM-DD`) of an instant in the Netherlands. */
export function kalenderdatum(value: string | Date): string {
  const date = typeof value === 'string' ? leesMoment(value) : value;
  const parts = Object.fromEntries(NL.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/** The same calendar day `jaren` years later (29 February becomes 1 March). */
export function jarenLater(datum: string, jaren: number): string {
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + jaren, m - 1, d));
  return date.toISOString().slice(0, 10);
}
