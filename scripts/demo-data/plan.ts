/**
 * The demo plan: ~400 synthetic cases over the last three years, across the 13 gemeenten and both
 * regions, in every phase and with every outcome, written as rows per subgraph. Deterministic: the
 * same seed and day give the same plan (only the dates move with `now`).
 *
 * How the cases are chosen, so that every rule can be seen at work (DESIGN §6):
 * - the fixed README cases (Venlo, one per phase, plus the woonwenz consent variants);
 * - per gemeente one case in each open phase and one closed case, so every gemeente and every
 *   regisseur sees every phase;
 * - per region one case with each outcome;
 * - the rest drawn with realistic proportions: about half still open (most of them housed and
 *   followed up), the others closed — housed, lease ended, not eligible or withdrawn.
 */
import { GEMEENTEN, REGIOS, type GemeenteSlug } from '../../schema/vocabulary.js';
import type { CorporatieSeedData } from '../../subgraphs/corporatie/seed.js';
import type { GemeenteSeedData } from '../../subgraphs/gemeente/seed.js';
import type { RegisseurSeedData } from '../../subgraphs/regisseur/seed.js';
import { UITKOMSTEN, type Uitkomst } from '../../subgraphs/regisseur/routeplanner/transitions.js';
import { corporatieRijen, type NegatiefEinde } from './corporatie-rows.js';
import { DEMO_TRAJECTEN, VASTE_CODES } from './fixed-cases.js';
import { gemeenteRijen } from './gemeente-rows.js';
import { GEMEENTE_SLUGS, GEO, gemeentenIn } from './geography.js';
import { createRng, type Rng } from './prng.js';
import { regisseurRijen } from './regisseur-rows.js';
import type { Bestemming, OpenFase } from './timeline.js';
import { bouwTraject, type Extra, type Sleuf } from './traject.js';

export type { NegatiefEinde } from './corporatie-rows.js';

/** What a test or a printout needs to know about a case, without reading any table. */
export interface DemoTrajectSamenvatting {
  readonly trajectId: string;
  readonly code: string;
  readonly gemeente: GemeenteSlug;
  readonly regio: string;
  readonly fase: string;
  readonly uitkomst: Uitkomst | null;
  readonly betrokkene: string;
  readonly geselecteerd: readonly string[];
  readonly gematcht: string | null;
  readonly warmOvergedragen: boolean;
  readonly vast: boolean;
}

export interface DemoPlan {
  readonly now: string;
  readonly trajecten: readonly DemoTrajectSamenvatting[];
  readonly gemeente: GemeenteSeedData;
  readonly regisseur: RegisseurSeedData;
  readonly corporatie: CorporatieSeedData;
  /** The negative lease ends, for the guarantee fund's seed. */
  readonly negatieveEinden: readonly NegatiefEinde[];
}

export interface PlanOpties {
  /** Total number of cases (at least the fixed and per-gemeente ones). @default 400 */
  readonly aantal?: number;
  /** @default 'woonkans-demo-v1' */
  readonly seed?: string;
}

/** The code alphabet of `newTrajectCode()`: no 0/O or 1/I/L. */
export const CODE_ALFABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const OPEN_FASEN: readonly OpenFase[] = ['MELDING', 'ONDERZOEK', 'BEMIDDELING', 'CORPORATIEGESPREK', 'HUUROVEREENKOMST', 'GEHUISVEST'];

function gesloten(rng: Rng, uitkomst: Uitkomst): Bestemming {
  const sluitFase: OpenFase = uitkomst.startsWith('NIET_DOELGROEP')
    ? rng.weighted([
        ['MELDING', 25],
        ['ONDERZOEK', 75],
      ])
    : uitkomst === 'TERUGGETROKKEN'
      ? rng.weighted([
          ['MELDING', 15],
          ['ONDERZOEK', 30],
          ['BEMIDDELING', 20],
          ['CORPORATIEGESPREK', 25],
          ['HUUROVEREENKOMST', 10],
        ])
      : 'GEHUISVEST';
  return { soort: 'AFGESLOTEN', uitkomst, sluitFase };
}

/** Realistic proportions for the cases not placed on purpose (percent). */
function willekeurig(rng: Rng): Bestemming {
  const open = (fase: OpenFase) => (): Bestemming => ({ soort: 'OPEN', fase });
  const dicht = (uitkomst: Uitkomst) => (): Bestemming => gesloten(rng, uitkomst);
  return rng.weighted<() => Bestemming>([
    [open('MELDING'), 3],
    [open('ONDERZOEK'), 7],
    [open('BEMIDDELING'), 5],
    [open('CORPORATIEGESPREK'), 10],
    [open('HUUROVEREENKOMST'), 4],
    [open('GEHUISVEST'), 25],
    [dicht('NIET_DOELGROEP_REGULIER'), 8],
    [dicht('NIET_DOELGROEP_ANDERS'), 6],
    [dicht('TERUGGETROKKEN'), 8],
    // Outcome GEHUISVEST: the case is closed, the lease goes on.
    [dicht('GEHUISVEST'), 10],
    [dicht('HUUR_BEEINDIGD_POSITIEF'), 8],
    [dicht('HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD'), 3],
    [dicht('HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN'), 3],
  ])();
}

/** The extras, each on a case housed long enough for it (casusoverleg first, then overrides). */
const EXTRAS: readonly Extra[] = [
  { casusoverleg: 'AKKOORD' },
  { casusoverleg: 'AKKOORD' },
  { casusoverleg: 'AKKOORD' },
  { casusoverleg: 'AKKOORD' },
  { casusoverleg: 'AFGEWEZEN' },
  { casusoverleg: 'AANGEVRAAGD' },
  { doorbreking: 'GEMEENTE_AAN_REGISSEUR' },
  { doorbreking: 'REGISSEUR_AAN_ZORGAANBIEDER' },
  { doorbreking: 'VERLOPEN_ONBEOORDEELD' },
  { doorbreking: 'BEOORDEELD' },
];

function sleuven(rng: Rng, aantal: number): Sleuf[] {
  const out: Sleuf[] = DEMO_TRAJECTEN.map((vast, nr) => ({ nr, gemeente: 'venlo', bestemming: vast.bestemming, vast }));
  // Extras go to gemeenten of both regions in turn.
  const [noord, midden] = [gemeentenIn('NOORD_LIMBURG'), gemeentenIn('MIDDEN_LIMBURG')];
  const beurt = noord.flatMap((g, i) => [g, ...(midden[i] ? [midden[i]] : [])]).concat(midden.slice(noord.length));
  const extraVoor = new Map(beurt.slice(0, EXTRAS.length).map((g, i) => [g, EXTRAS[i]!] as const));
  GEMEENTE_SLUGS.forEach((gemeente, gi) => {
    for (const fase of OPEN_FASEN) {
      const e = fase === 'GEHUISVEST' ? extraVoor.get(gemeente) : undefined;
      // Housed long enough for a case conference or a reviewed override.
      out.push({ nr: out.length, gemeente, bestemming: { soort: 'OPEN', fase }, ...(e ? { extra: e, verstreken: rng.int(260, 700) } : {}) });
    }
    out.push({ nr: out.length, gemeente, bestemming: gesloten(rng, UITKOMSTEN[gi % UITKOMSTEN.length]!) });
  });
  for (const regio of REGIOS) {
    for (const uitkomst of UITKOMSTEN) out.push({ nr: out.length, gemeente: rng.pick(gemeentenIn(regio)), bestemming: gesloten(rng, uitkomst) });
  }
  const gewichten = GEMEENTE_SLUGS.map((g) => [g, GEO[g].gewicht] as const);
  while (out.length < aantal) out.push({ nr: out.length, gemeente: rng.weighted(gewichten), bestemming: willekeurig(rng) });
  return out;
}

function nieuweCode(rng: Rng, bezet: Set<string>): string {
  for (;;) {
    const code = `WK-${Array.from({ length: 5 }, () => rng.pick([...CODE_ALFABET])).join('')}`;
    if (!bezet.has(code) && !VASTE_CODES.has(code)) {
      bezet.add(code);
      return code;
    }
  }
}

const legePlan = (now: Date): DemoPlan => ({
  now: now.toISOString(),
  trajecten: [],
  gemeente: { inwoners: [], meldingen: [], onderzoeken: [], documenten: [], ondersteuningsplannen: [] },
  regisseur: { trajecten: [], transities: [], profielen: [], selecties: [], toestemmingen: [], toestemmingGebeurtenissen: [], casusoverleggen: [], doorbrekingen: [] },
  corporatie: { woningaanbiedingen: [], huurovereenkomsten: [], evaluaties: [] },
  negatieveEinden: [],
});

/**
 * The plan in slices of `deel` cases, each a plan of its own: the same cases, ids and codes as the
 * whole plan, for a million cases without holding them all in memory (the scale loader,
 * `scripts/scale`). Codes and BSNs stay unique across slices.
 */
export function* maakDemoPlanInDelen(now: Date, opties: PlanOpties & { readonly deel: number }): Generator<DemoPlan> {
  const seed = opties.seed ?? 'woonkans-demo-v1';
  const planRng = createRng(`${seed}:plan`);
  const codeRng = createRng(`${seed}:codes`);
  const codes = new Set<string>();
  const bsns = new Set<string>();
  let plan = legePlan(now);
  for (const sleuf of sleuven(planRng, opties.aantal ?? 400)) {
    const code = sleuf.vast?.code ?? nieuweCode(codeRng, codes);
    const c = bouwTraject(createRng(`${seed}:${sleuf.vast?.code ?? sleuf.nr}`), sleuf, { code, now, bsns });
    gemeenteRijen(c, plan.gemeente);
    regisseurRijen(c, plan.regisseur);
    const einde = corporatieRijen(c, plan.corporatie);
    if (einde) (plan.negatieveEinden as NegatiefEinde[]).push(einde);
    const b = c.t.bestemming;
    (plan.trajecten as DemoTrajectSamenvatting[]).push({
      trajectId: c.trajectId,
      code: c.code,
      gemeente: c.gemeente,
      regio: c.regio,
      fase: c.t.fase,
      uitkomst: b.soort === 'AFGESLOTEN' ? b.uitkomst : null,
      betrokkene: c.betrokkene,
      geselecteerd: c.dagen.selectie !== undefined ? c.selecties.map((s) => s.corporatie) : [],
      gematcht: c.gematcht,
      warmOvergedragen: c.regio !== GEMEENTEN[c.gemeente].regio,
      vast: c.vast !== null,
    });
    if (plan.trajecten.length >= opties.deel) {
      yield plan;
      plan = legePlan(now);
    }
  }
  if (plan.trajecten.length > 0) yield plan;
}

export function maakDemoPlan(now: Date, opties: PlanOpties = {}): DemoPlan {
  const [plan] = maakDemoPlanInDelen(now, { ...opties, deel: Infinity });
  return plan ?? legePlan(now);
}
