/**
 * Retention terms of case data (DESIGN §3, Wmo selectielijst): a case is kept 5 years after it was
 * closed when the resident did not enter Woonkans (the case never reached BEMIDDELING, i.e. the
 * gemeente never handed it over), and 15 years when they did. The term runs in calendar years from
 * the moment of closing; a case that is not closed, or whose closing moment is unknown, never
 * expires here — deleting too early cannot be undone, keeping too long can be corrected.
 */

export const TERMIJN_ZONDER_WOONKANS_JAREN = 5;
export const TERMIJN_MET_WOONKANS_JAREN = 15;
/** The longest term; the access log is kept at least this long (see `logboek-retentie.ts`). */
export const LANGSTE_TERMIJN_JAREN = Math.max(TERMIJN_ZONDER_WOONKANS_JAREN, TERMIJN_MET_WOONKANS_JAREN);

/** `date` plus whole calendar years, in UTC (29 February + 1 year = 1 March). */
export function plusJaren(date: Date, jaren: number): Date {
  if (!Number.isInteger(jaren)) throw new TypeError('plusJaren: whole years only');
  const d = new Date(date.getTime());
  d.setUTCFullYear(d.getUTCFullYear() + jaren);
  return d;
}

/** The term in years for a closed case. */
export function termijnJaren(ingestroomd: boolean): number {
  return ingestroomd ? TERMIJN_MET_WOONKANS_JAREN : TERMIJN_ZONDER_WOONKANS_JAREN;
}

/** The moment from which a case closed at `afgeslotenOp` may (must) be deleted. */
export function vervaltOp(afgeslotenOp: Date, ingestroomd: boolean): Date {
  if (Number.isNaN(afgeslotenOp.getTime())) throw new TypeError('vervaltOp: invalid closing date');
  return plusJaren(afgeslotenOp, termijnJaren(ingestroomd));
}

/** True when the term has passed at `now` (on the day it ends the case is still kept). */
export function isVerlopen(afgeslotenOp: Date, ingestroomd: boolean, now: Date): boolean {
  return now.getTime() > vervaltOp(afgeslotenOp, ingestroomd).getTime();
}
