/**
 * Reporting periods for the Werkgroep's monitoring: calendar months, quarters, half-years and years,
 * always on their fixed calendar boundaries.
 *
 * Why its own module: the API, the figures and the page must agree on what "2025-K2" means and on the
 * range convention. A range is half-open: `van` (from) is included, `tot` (until) is not, both ISO dates
 * (`YYYY-MM-DD`). Periods never cross a calendar year and nest exactly (3 months make a quarter, 2
 * quarters a half-year, 2 half-years a year), so every period is the sum of the periods below it. That
 * nesting is what lets the suppression see every period of a year as one linked table
 * (`figures.ts`): a figure for any period the API can be asked for is a cell of that table.
 */

export const PERIODE_SOORTEN = ['MAAND', 'KWARTAAL', 'HALFJAAR', 'JAAR'] as const;
export type PeriodeSoort = (typeof PERIODE_SOORTEN)[number];

/** One reporting period. */
export interface Periode {
  readonly soort: PeriodeSoort;
  /** `2025-03` (MAAND), `2025-K1` (KWARTAAL), `2025-H1` (HALFJAAR) or `2025` (JAAR). */
  readonly sleutel: string;
  readonly jaar: number;
  /** First day, included. */
  readonly van: string;
  /** First day after the period. */
  readonly tot: string;
}

/** More periods than this in one range is refused (ten years of months). */
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

/** Months in one period of each kind. */
const MAANDEN: Record<PeriodeSoort, number> = { MAAND: 1, KWARTAAL: 3, HALFJAAR: 6, JAAR: 12 };

/** The `index`-th period of kind `soort` in `jaar` (0-based). */
function periode(soort: PeriodeSoort, jaar: number, index: number): Periode {
  const eerste = index * MAANDEN[soort];
  const volgende = eerste + MAANDEN[soort];
  const sleutel =
    soort === 'JAAR' ? String(jaar) : soort === 'HALFJAAR' ? `${jaar}-H${index + 1}` : soort === 'KWARTAAL' ? `${jaar}-K${index + 1}` : `${jaar}-${pad(index + 1)}`;
  return {
    soort,
    sleutel,
    jaar,
    van: `${jaar}-${pad(eerste + 1)}-01`,
    tot: volgende === 12 ? `${jaar + 1}-01-01` : `${jaar}-${pad(volgende + 1)}-01`,
  };
}

/** The period of kind `soort` that holds `datum`. */
export function periodeVan(soort: PeriodeSoort, datum: string): Periode {
  const d = isoDatum(datum);
  return periode(soort, Number(d.slice(0, 4)), Math.floor((Number(d.slice(5, 7)) - 1) / MAANDEN[soort]));
}

/** Whether `datum` is the first day of a period of kind `soort` (a fixed calendar boundary). */
export function opGrens(soort: PeriodeSoort, datum: string): boolean {
  return periodeVan(soort, datum).van === isoDatum(datum);
}

/** The period after `p`, of the same kind. */
function volgende(p: Periode): Periode {
  return periodeVan(p.soort, p.tot);
}

/**
 * All periods of kind `soort` that overlap the half-open range [van, tot), in order. A period cut by
 * the range is listed whole; the API only accepts ranges on the boundaries of `soort` (`verzoek.ts`).
 */
export function periodenInBereik(soort: PeriodeSoort, van: string, tot: string): Periode[] {
  const from = isoDatum(van);
  const until = isoDatum(tot);
  if (from >= until) throw new RangeError(`empty range: ${van} … ${tot}`);
  const result: Periode[] = [];
  for (let p = periodeVan(soort, from); p.van < until; p = volgende(p)) {
    result.push(p);
    if (result.length > MAX_PERIODEN) throw new RangeError(`more than ${MAX_PERIODEN} periods in ${van} … ${tot}`);
  }
  return result;
}

/**
 * Every period of a calendar year, finest first, each with the periods one level down that add up to
 * it: 12 months, 4 quarters (3 months each), 2 half-years (2 quarters each), the year (2 half-years).
 */
export function perioden(jaar: number): { readonly periode: Periode; readonly leden: readonly string[] }[] {
  const van = (soort: PeriodeSoort) => Array.from({ length: 12 / MAANDEN[soort] }, (_, i) => periode(soort, jaar, i));
  const onder: Record<PeriodeSoort, PeriodeSoort | null> = { MAAND: null, KWARTAAL: 'MAAND', HALFJAAR: 'KWARTAAL', JAAR: 'HALFJAAR' };
  return PERIODE_SOORTEN.flatMap((soort) =>
    van(soort).map((p) => {
      const lager = onder[soort];
      return { periode: p, leden: lager ? van(lager).filter((q) => q.van >= p.van && q.tot <= p.tot).map((q) => q.sleutel) : [] };
    }),
  );
}

/**
 * Splits a range on month boundaries into the fewest whole calendar periods, largest first (whole
 * years, then half-years, quarters, months). Every part is a period the API publishes on its own, so a
 * figure for the range is the sum of published figures (see `dashboard-view.ts`).
 */
export function ontleed(van: string, tot: string): Periode[] {
  const until = isoDatum(tot);
  if (!opGrens('MAAND', van) || !opGrens('MAAND', tot)) throw new RangeError(`range not on month boundaries: ${van} … ${tot}`);
  if (isoDatum(van) >= until) throw new RangeError(`empty range: ${van} … ${tot}`);
  const delen: Periode[] = [];
  let cursor = isoDatum(van);
  while (cursor < until) {
    const soort = [...PERIODE_SOORTEN].reverse().find((s) => opGrens(s, cursor) && periodeVan(s, cursor).tot <= until) as PeriodeSoort;
    const deel = periodeVan(soort, cursor);
    delen.push(deel);
    cursor = deel.tot;
  }
  return delen;
}

/** Whether `datum` lies in the half-open range [van, tot). */
export function inBereik(datum: string, van: string, tot: string): boolean {
  const d = isoDatum(datum);
  return d >= isoDatum(van) && d < isoDatum(tot);
}
