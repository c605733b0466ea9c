/**
 * The arguments of `Query.monitoring` (a "verzoek"), their validation, and the entity key `sleutel`
 * that encodes them, so every subgraph that contributes a part of the `Monitoring` entity (the
 * regisseur the case figures, the garantiefonds its money) answers exactly the same question.
 *
 * Why the bounds must be whole months: with free day ranges a caller could ask [1 Jan, 5 Mar) and
 * [1 Jan, 4 Mar) and subtract the two answers, learning what happened on one single day in one
 * gemeente. Whole months do not remove differencing between overlapping ranges (see the report of
 * the dashboard), but they keep it at the grain the dashboard itself shows. The page only ever sends
 * first days of months.
 */
import { REGIOS, type Regio } from '../vocabulary.js';
import { isoDatum, periodenInBereik, PERIODE_SOORTEN, type PeriodeSoort } from './periods.js';

/** What the Werkgroep asks: a kind of period, a half-open range [van, tot) and optionally one regio. */
export interface MonitoringVerzoek {
  readonly periode: PeriodeSoort;
  /** First day of a month, included. */
  readonly van: string;
  /** First day of a month, not included. */
  readonly tot: string;
  /** Null for both regio's. */
  readonly regio: Regio | null;
}

/** A refused verzoek: says which argument is wrong, in Dutch; callers map it to `ONGELDIGE_INVOER`. */
export class OngeldigVerzoekError extends RangeError {
  constructor(
    message: string,
    /** The argument that is wrong: `periode`, `van`, `tot`, `regio` or `sleutel`. */
    readonly veld: string,
  ) {
    super(message);
    this.name = 'OngeldigVerzoekError';
  }
}

/**
 * The most periods one verzoek may ask for: five years of months. Why a limit below `MAX_PERIODEN`: the
 * exact suppression grows faster than linearly with the number of columns and runs on the regisseur's
 * event loop, which also serves every other subgraph's policy context (measured on the ~400-case demo
 * data: 12 months ≈ 0.2 s, 36 months ≈ 1 s, 120 months ≈ 1.5–4 s). Longer ranges are asked per half-year
 * or per year.
 */
export const MAX_PERIODEN_PER_VERZOEK = 60;

const EERSTE_VAN_MAAND = /^\d{4}-(0[1-9]|1[0-2])-01$/;

function maandgrens(value: unknown, veld: 'van' | 'tot'): string {
  if (typeof value !== 'string' || !EERSTE_VAN_MAAND.test(value)) {
    throw new OngeldigVerzoekError(`${veld} moet de eerste dag van een maand zijn (JJJJ-MM-01).`, veld);
  }
  return isoDatum(value);
}

/** Checks and normalises the arguments; throws {@link OngeldigVerzoekError}. */
export function leesVerzoek(args: { periode: unknown; van: unknown; tot: unknown; regio?: unknown }): MonitoringVerzoek {
  const periode = args.periode;
  if (typeof periode !== 'string' || !(PERIODE_SOORTEN as readonly string[]).includes(periode)) {
    throw new OngeldigVerzoekError(`periode moet ${PERIODE_SOORTEN.join(', ')} zijn.`, 'periode');
  }
  const regio = args.regio ?? null;
  if (regio !== null && (typeof regio !== 'string' || !(REGIOS as readonly string[]).includes(regio))) {
    throw new OngeldigVerzoekError(`regio moet ${REGIOS.join(' of ')} zijn, of leeg voor beide.`, 'regio');
  }
  const van = maandgrens(args.van, 'van');
  const tot = maandgrens(args.tot, 'tot');
  if (van >= tot) throw new OngeldigVerzoekError('tot moet na van liggen.', 'tot');
  let aantal: number;
  try {
    aantal = periodenInBereik(periode as PeriodeSoort, van, tot).length;
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    aantal = Infinity;
  }
  if (aantal > MAX_PERIODEN_PER_VERZOEK) {
    throw new OngeldigVerzoekError(
      `te veel perioden: hoogstens ${MAX_PERIODEN_PER_VERZOEK} per vraag. Kies een kortere periode of een grovere indeling (per halfjaar of per jaar).`,
      'tot',
    );
  }
  return { periode: periode as PeriodeSoort, van, tot, regio: regio as Regio | null };
}

const VERSIE = 'm1';
const BEIDE = '*';

/** The entity key of `Monitoring` for a verzoek: `m1|MAAND|2025-01-01|2025-04-01|*`. */
export function monitoringSleutel(v: MonitoringVerzoek): string {
  return [VERSIE, v.periode, v.van, v.tot, v.regio ?? BEIDE].join('|');
}

/** Reads a key made by {@link monitoringSleutel}, validated exactly as the arguments are. */
export function verzoekUitSleutel(sleutel: unknown): MonitoringVerzoek {
  const delen = typeof sleutel === 'string' ? sleutel.split('|') : [];
  if (delen.length !== 5 || delen[0] !== VERSIE) throw new OngeldigVerzoekError('Onbekende monitoringsleutel.', 'sleutel');
  const [, periode, van, tot, regio] = delen;
  return leesVerzoek({ periode, van, tot, regio: regio === BEIDE ? null : regio });
}
