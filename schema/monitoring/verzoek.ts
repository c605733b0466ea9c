/**
 * The arguments of `Query.monitoring` (a "verzoek"), their validation, and the entity key `sleutel`
 * that encodes them, so every subgraph that contributes a part of the `Monitoring` entity (the
 * regisseur the case figures, the garantiefonds its money) answers exactly the same question.
 *
 * Why the range is restricted (the first two points of the method in `figures.ts`): every figure the
 * API returns must be a cell of the fixed release, or a sum of such cells. So `van` and `tot` lie on the
 * fixed calendar boundaries of the chosen `periode` (first of a month, quarter, half-year or year), and
 * the range is either one calendar period (a month, a quarter, a half-year or a year) or a run of whole
 * years. A range such as January to May is refused: its totals would be a new cell, and its difference
 * with a quarter would give away a month the release hides. Free day ranges were refused already (they
 * gave away single days).
 */
import { REGIOS, type Regio } from '../vocabulary.js';
import { isoDatum, ontleed, opGrens, periodenInBereik, PERIODE_SOORTEN, type PeriodeSoort } from './periods.js';

/** What the Werkgroep asks: a kind of period, a half-open range [van, tot) and optionally one regio. */
export interface MonitoringVerzoek {
  readonly periode: PeriodeSoort;
  /** First day of a period of kind `periode`, included. */
  readonly van: string;
  /** First day of a period of kind `periode`, not included. */
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
const GRENS: Record<PeriodeSoort, string> = {
  MAAND: 'de eerste dag van een maand (JJJJ-MM-01)',
  KWARTAAL: 'de eerste dag van een kwartaal (1 januari, 1 april, 1 juli of 1 oktober)',
  HALFJAAR: 'de eerste dag van een halfjaar (1 januari of 1 juli)',
  JAAR: 'de eerste dag van een jaar (1 januari)',
};

function grens(value: unknown, veld: 'van' | 'tot', periode: PeriodeSoort): string {
  if (typeof value !== 'string' || !EERSTE_VAN_MAAND.test(value) || !opGrens(periode, value)) {
    throw new OngeldigVerzoekError(`${veld} moet ${GRENS[periode]} zijn.`, veld);
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
  const van = grens(args.van, 'van', periode as PeriodeSoort);
  const tot = grens(args.tot, 'tot', periode as PeriodeSoort);
  if (van >= tot) throw new OngeldigVerzoekError('tot moet na van liggen.', 'tot');
  if (ontleed(van, tot).length > 1 && !(opGrens('JAAR', van) && opGrens('JAAR', tot))) {
    throw new OngeldigVerzoekError(
      'kies één maand, kwartaal, halfjaar of jaar, of hele kalenderjaren: vaste perioden voorkomen dat cijfers tegen elkaar weggestreept kunnen worden.',
      'tot',
    );
  }
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
