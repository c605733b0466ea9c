/**
 * Calendar dates for the monitoring, in Dutch time.
 *
 * Why: the routeplanner stores instants (`timestamptz`), the driver hands them back as text in the
 * session's time zone (`2025-01-31 23:30:00+00`), and a melding made at half past midnight on 1 February
 * in Venlo belongs to February, not to January. Periods are Dutch calendar months.
 */

const NL = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
const NL_KLOK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});
const DAG_MS = 86_400_000;

/** Reads an instant as Postgres or JavaScript writes it; throws on anything else (a bug, never input). */
export function leesMoment(value: string): Date {
  const iso = value.trim().replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  const date = new Date(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(date.getTime())) throw new RangeError(`geen tijdstip: ${value}`);
  return date;
}

const delen = (format: Intl.DateTimeFormat, date: Date) => Object.fromEntries(format.formatToParts(date).map((p) => [p.type, Number(p.value)]));

/** How far Dutch clocks are ahead of UTC at `ms` (one or two hours). */
function verschuiving(ms: number): number {
  const d = delen(NL_KLOK, new Date(ms));
  return Date.UTC(d['year']!, d['month']! - 1, d['day']!, d['hour']!, d['minute']!, d['second']!) - Math.floor(ms / 1000) * 1000;
}

/**
 * Per UTC day: the Dutch offset when it holds all day, `null` on the two days a year the clocks
 * change (then each instant asks Intl itself). Asking Intl per instant costs microseconds each, and
 * the Werkgroep's figures read five dates of every case (a second per 100k cases).
 */
const dagVerschuiving = new Map<number, number | null>();

function verschuivingOp(ms: number): number | null {
  const dag = Math.floor(ms / DAG_MS);
  let v = dagVerschuiving.get(dag);
  if (v === undefined) {
    const [begin, eind] = [verschuiving(dag * DAG_MS), verschuiving((dag + 1) * DAG_MS - 1)];
    v = begin === eind ? begin : null;
    if (dagVerschuiving.size >= 100_000) dagVerschuiving.clear();
    dagVerschuiving.set(dag, v);
  }
  return v;
}

const DATUM = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar date (`YYYY-MM-DD`) of an instant in the Netherlands; a calendar date already is its own. */
export function kalenderdatum(value: string | Date): string {
  if (typeof value === 'string' && DATUM.test(value)) return value;
  const date = typeof value === 'string' ? leesMoment(value) : value;
  const v = verschuivingOp(date.getTime());
  if (v !== null) return new Date(date.getTime() + v).toISOString().slice(0, 10);
  const parts = Object.fromEntries(NL.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}

/** The same calendar day `jaren` years later (29 February becomes 1 March). */
export function jarenLater(datum: string, jaren: number): string {
  const [y, m, d] = datum.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + jaren, m - 1, d));
  return date.toISOString().slice(0, 10);
}
