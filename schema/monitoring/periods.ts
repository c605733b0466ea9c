/**
 * Reporting periods for the Werkgroep's monitoring: months, half-years and calendar years.
 *
 * Why its own module: the API, the figures and the page must agree on what "2025-H1" means and on the
 * range convention. A range is half-open: `van` (from) is included, `tot` (until) is not, both ISO dates
 * (`YYYY-MM-DD`). Periods never cross a calendar year, so a year is always the sum of its periods.
 */

export const PERIODE_SOORTEN = ['MAAND', 'HALFJAAR', 'JAAR'] as const;
export type PeriodeSoort = (typeof PERIODE_SOORTEN)[number];

/** One reporting period. */
export interface Periode {
  /** `2025-03` (MAAND), `2025-H1` (HALFJAAR) or `2025` (JAAR). */
  readonly sleutel: string;
  readonly jaar: number;
  /** First day, included. */
  readonly van: string;
  /** First day after the period. */
  readonly tot: string;
}

/** More periods than this in one request is refused (ten years of months). */
export const MAX_PERIODEN = 120;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads the date part of an ISO date or timestamp; throws on anything else. */
export function isoDatum(value: string): string {
  const date = value.slice(0, 10);
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not an ISO date: ${value}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`not a calendar date: ${value}`);
  }
  return date;
}

/** Whole days from `van` to `tot` (ISO dates or timestamps; only the date counts). */
export function dagenTussen(van: string, tot: string): number {
  return Math.round((Date.parse(isoDatum(tot)) - Date.parse(isoDatum(van))) / 86_400_000);
}

const pad = (n: number): string => String(n).padStart(2, '0');

function start(soort: PeriodeSoort, jaar: number, index: number): Periode {
  if (soort === 'JAAR') return { sleutel: String(jaar), jaar, van: `${jaar}-01-01`, tot: `${jaar + 1}-01-01` };
  if (soort === 'HALFJAAR') {
    return {
      sleutel: `${jaar}-H${index + 1}`,
      jaar,
      van: `${jaar}-${index === 0 ? '01' : '07'}-01`,
      tot: index === 0 ? `${jaar}-07-01` : `${jaar + 1}-01-01`,
    };
  }
  return {
    sleutel: `${jaar}-${pad(index + 1)}`,
    jaar,
    van: `${jaar}-${pad(index + 1)}-01`,
    tot: index === 11 ? `${jaar + 1}-01-01` : `${jaar}-${pad(index + 2)}-01`,
  };
}

const PER_JAAR: Record<PeriodeSoort, number> = { MAAND: 12, HALFJAAR: 2, JAAR: 1 };

/** The period of kind `soort` that holds `datum`. */
export function periodeVan(soort: PeriodeSoort, datum: string): Periode {
  const d = isoDatum(datum);
  const jaar = Number(d.slice(0, 4));
  const maand = Number(d.slice(5, 7)) - 1;
  const index = soort === 'JAAR' ? 0 : soort === 'HALFJAAR' ? (maand < 6 ? 0 : 1) : maand;
  return start(soort, jaar, index);
}

/**
 * All periods of kind `soort` that overlap the half-open range [van, tot), in order. A period cut by
 * the range counts only the days inside it.
 */
export function periodenInBereik(soort: PeriodeSoort, van: string, tot: string): Periode[] {
  const from = isoDatum(van);
  const until = isoDatum(tot);
  if (from >= until) throw new RangeError(`empty range: ${van} … ${tot}`);
  const result: Periode[] = [];
  let p = periodeVan(soort, from);
  while (p.van < until) {
    result.push(p);
    if (result.length > MAX_PERIODEN) throw new RangeError(`more than ${MAX_PERIODEN} periods in ${van} … ${tot}`);
    const idx = soort === 'JAAR' ? 0 : soort === 'HALFJAAR' ? (p.van.slice(5, 7) === '01' ? 0 : 1) : Number(p.van.slice(5, 7)) - 1;
    p = idx + 1 < PER_JAAR[soort] ? start(soort, p.jaar, idx + 1) : start(soort, p.jaar + 1, 0);
  }
  return result;
}

/** Whether `datum` lies in the half-open range [van, tot). */
export function inBereik(datum: string, van: string, tot: string): boolean {
  const d = isoDatum(datum);
  return d >= isoDatum(van) && d < isoDatum(tot);
}
