/**
 * A case's course in time. The generator first decides where a case stands today (open in a phase,
 * or closed with an outcome from a phase), then lays the phases out backwards from today with
 * plausible durations, so every date lies in the past, within the last three years, and in the only
 * order the routeplanner allows. Days are whole offsets from the registration day; each event gets
 * an office hour, and no two events of a case share a day, so their order is never ambiguous.
 */
import type { Fase } from '../../schema/vocabulary.js';
import type { Uitkomst } from '../../subgraphs/regisseur/routeplanner/transitions.js';
import type { Rng } from './prng.js';

export const DAG_MS = 86_400_000;
/** Registrations reach back at most this many days. */
export const HORIZON_DAGEN = 1095;

export type OpenFase = Exclude<Fase, 'AFGESLOTEN'>;

export type Bestemming =
  | { readonly soort: 'OPEN'; readonly fase: OpenFase }
  | { readonly soort: 'AFGESLOTEN'; readonly uitkomst: Uitkomst; readonly sluitFase: OpenFase };

export interface TijdlijnOpties {
  readonly bestemming: Bestemming;
  /** Adds time in BEMIDDELING for a warm hand-over between the regions. */
  readonly warmeOverdracht: boolean;
  /** Planned days per phase; drawn when absent (the fixed demo cases set them). */
  readonly duren?: Partial<Record<OpenFase, number>>;
  /** Days spent so far in the current phase (open) or in the closing phase (closed). */
  readonly verstreken?: number;
  /** Days between the closing act and today (closed cases). */
  readonly sindsSluiting?: number;
}

/** One phase the case went through: from day `start` for `gepland` days (the next phase starts then). */
export interface Fasevak {
  readonly fase: OpenFase;
  readonly start: number;
  readonly gepland: number;
}

export interface Tijdlijn {
  readonly bestemming: Bestemming;
  /** The phase today. */
  readonly fase: Fase;
  readonly vakken: readonly Fasevak[];
  /** Today, as a day offset from the registration day. Every recorded event lies before it. */
  readonly vandaag: number;
  /** The day of the closing act, if closed. */
  readonly sluitDag: number | null;
  vak(fase: OpenFase): Fasevak | undefined;
  /** Whether a day lies in the past (strictly before today). */
  bereikt(dag: number): boolean;
  /** The instant of an event on that day, at an office hour (ISO, UTC). */
  op(dag: number): string;
  /** The calendar date of that day (YYYY-MM-DD). */
  datum(dag: number): string;
  /**
   * Day offsets strictly inside the phase (after its first day, before the next phase starts), at
   * the given fractions of its planned length, strictly increasing.
   */
  binnen(fase: OpenFase, fracties: readonly number[]): number[];
}

const VOLGORDE: readonly OpenFase[] = ['MELDING', 'ONDERZOEK', 'BEMIDDELING', 'CORPORATIEGESPREK', 'HUUROVEREENKOMST', 'GEHUISVEST'];

function geplandeDuur(rng: Rng, fase: OpenFase, warm: boolean): number {
  switch (fase) {
    case 'MELDING':
      return rng.int(3, 20);
    case 'ONDERZOEK':
      return rng.int(21, 75);
    case 'BEMIDDELING':
      return rng.int(12, 45) + (warm ? rng.int(10, 25) : 0);
    case 'CORPORATIEGESPREK':
      return rng.int(21, 160);
    case 'HUUROVEREENKOMST':
      return rng.int(8, 35);
    case 'GEHUISVEST':
      return 2000; // open-ended: lasts until an outcome is recorded
  }
}

/** Days in the closing phase before the closing act, by outcome. */
function sluitDuur(rng: Rng, b: Extract<Bestemming, { soort: 'AFGESLOTEN' }>): number {
  switch (b.sluitFase) {
    case 'MELDING':
      return rng.int(3, 25);
    case 'ONDERZOEK':
      return rng.int(12, 60);
    case 'BEMIDDELING':
      return rng.int(8, 40);
    case 'CORPORATIEGESPREK':
      return rng.int(21, 150);
    case 'HUUROVEREENKOMST':
      return rng.int(8, 30);
    case 'GEHUISVEST':
      return b.uitkomst === 'GEHUISVEST' ? rng.int(420, 900) : b.uitkomst === 'HUUR_BEEINDIGD_POSITIEF' ? rng.int(300, 850) : rng.int(90, 620);
  }
}

export function maakTijdlijn(rng: Rng, now: Date, o: TijdlijnOpties): Tijdlijn {
  const b = o.bestemming;
  const laatste = b.soort === 'OPEN' ? b.fase : b.sluitFase;
  const pad = VOLGORDE.slice(0, VOLGORDE.indexOf(laatste) + 1);
  const duren = pad.map((f) => o.duren?.[f] ?? geplandeDuur(rng, f, o.warmeOverdracht && f === 'BEMIDDELING'));
  const voorgaand = duren.slice(0, -1).reduce((s, d) => s + d, 0);
  let laatsteDuur = duren[duren.length - 1]!;
  let verstreken: number;
  let sinds = 0;
  if (b.soort === 'OPEN') {
    const max = b.fase === 'GEHUISVEST' ? 900 : laatsteDuur - 1;
    verstreken = o.verstreken ?? rng.int(1, Math.max(1, max));
    verstreken = Math.max(1, Math.min(verstreken, HORIZON_DAGEN - 5 - voorgaand));
  } else {
    laatsteDuur = o.verstreken ?? sluitDuur(rng, b);
    laatsteDuur = Math.max(2, Math.min(laatsteDuur, HORIZON_DAGEN - 5 - voorgaand));
    verstreken = laatsteDuur;
    sinds = o.sindsSluiting ?? rng.int(1, Math.max(1, HORIZON_DAGEN - voorgaand - laatsteDuur));
  }
  duren[duren.length - 1] = laatsteDuur;
  const vandaag = voorgaand + verstreken + sinds;
  const sluitDag = b.soort === 'AFGESLOTEN' ? voorgaand + laatsteDuur : null;

  const vakken: Fasevak[] = [];
  let start = 0;
  pad.forEach((fase, i) => {
    vakken.push({ fase, start, gepland: duren[i]! });
    start += duren[i]!;
  });

  const today = Math.floor(now.getTime() / DAG_MS) * DAG_MS;
  const dag0 = today - vandaag * DAG_MS;
  // 07:30–15:00 UTC (08:30–17:00 in the Netherlands), a different half hour per day and case.
  const zout = rng.int(0, 15);
  const op = (dag: number) => new Date(dag0 + dag * DAG_MS + (450 + ((((dag * 7 + zout) % 16) + 16) % 16) * 30) * 60_000).toISOString();

  return {
    bestemming: b,
    fase: b.soort === 'OPEN' ? b.fase : 'AFGESLOTEN',
    vakken,
    vandaag,
    sluitDag,
    vak: (fase) => vakken.find((v) => v.fase === fase),
    bereikt: (dag) => dag < vandaag,
    op,
    datum: (dag) => new Date(dag0 + dag * DAG_MS).toISOString().slice(0, 10),
    binnen: (fase, fracties) => {
      const v = vakken.find((x) => x.fase === fase);
      if (!v) return [];
      const out: number[] = [];
      for (const f of fracties) {
        const prev = out.length > 0 ? out[out.length - 1]! : v.start;
        out.push(Math.max(prev + 1, v.start + Math.round(v.gepland * f)));
      }
      if (out[out.length - 1]! >= v.start + v.gepland) {
        throw new Error(`demo-data: ${fracties.length} events do not fit in ${fase} of ${v.gepland} days`);
      }
      return out;
    },
  };
}
