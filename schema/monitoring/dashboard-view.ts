/**
 * The dashboard's data exactly as `WERKGROEP_QUERY` (query.ts) asks for it, and the pure function that
 * selects it from the release (`figures.ts`).
 *
 * Why a selection and not a computation: every count in the answer is either a cell of a year's
 * suppressed table, picked as it is, or a sum of such cells that is shown only when every one of them
 * is shown. So an answer never holds a number that the cells themselves do not already give away,
 * whichever periode, range and regio are asked, and comparing two answers finds nothing new either.
 */
import { FASEN, REGIOS, type Fase, type Regio } from '../vocabulary.js';
import { rij, type Cijfer, type Kubus, type KubusRij } from './kubus.js';
import { JAARDOELEN, type Doorlooptijd, type MaatNaam, type Monitoringrekenaar } from './figures.js';
import { ontleed, periodenInBereik } from './periods.js';
import type { MonitoringVerzoek } from './verzoek.js';

/** Homes delivered against a regio's yearly target. */
export interface Jaardoel {
  regio: Regio;
  jaar: number;
  doel: number;
  gerealiseerd: Cijfer;
}

/** The waiting time of one calendar year of the range: the part of the range in that year. */
export interface DoorlooptijdJaar extends Doorlooptijd {
  jaar: number;
}

/** The guarantee fund's figures: money and numbers of claims, no person (DESIGN §4). */
export interface Garantiefondscijfers {
  saldoCent: number;
  bijdragenOpenstaandCent: number;
  aanvragen: number;
  uitbetaaldCent: number;
}

/** Sharing without consent, reported yearly (seed 004): number of decisions and of objections. */
export interface ZonderToestemmingcijfers {
  gedeeld: number;
  bezwaren: number;
}

/** The result of `monitoring(...)` in {@link WERKGROEP_QUERY}. */
export interface WerkgroepMonitoring {
  drempel: number;
  perPeriode: {
    periode: string;
    aangemeld: Cijfer;
    doelgroep: Cijfer;
    gehuisvest: Cijfer;
    nietDoelgroepRegulier: Cijfer;
    nietDoelgroepAnders: Cijfer;
  }[];
  perGemeente: { gemeente: string; regio: Regio; aangemeld: Cijfer; gehuisvest: Cijfer }[];
  doelen: Jaardoel[];
  doorlooptijd: Doorlooptijd;
  doorlooptijdPerJaar: DoorlooptijdJaar[];
  fasenNu: { fase: Fase; aantal: Cijfer }[];
  gesprekken: { leiddeTotHuisvesting: Cijfer; nietGeleid: Cijfer; redenen: { reden: string; aantal: Cijfer }[] };
  zelfstandig: { naEenJaar: Cijfer; naTweeJaar: Cijfer };
  garantiefonds: Garantiefondscijfers | null;
  zonderToestemming: ZonderToestemmingcijfers | null;
}

/** Figures that come from other sources than the case rows. */
export interface WerkgroepViewOptions {
  garantiefonds?: Garantiefondscijfers | null;
  zonderToestemming?: ZonderToestemmingcijfers | null;
}

const VERBORGEN: Cijfer = { waarde: null, onderdrukt: true };

/** The sum of published cells: shown only when every part is shown, so it tells nothing new. */
export function som(delen: readonly Cijfer[]): Cijfer {
  if (delen.some((c) => c.onderdrukt)) return VERBORGEN;
  return { waarde: delen.reduce((s, c) => s + (c.waarde as number), 0), onderdrukt: false };
}

/** Selects the answer to one (validated) verzoek from the release. */
export function naarWerkgroepMonitoring(
  release: Monitoringrekenaar,
  verzoek: MonitoringVerzoek,
  options: WerkgroepViewOptions = {},
): WerkgroepMonitoring {
  const { regio, van, tot } = verzoek;
  const hoofd = (kubus: Kubus): KubusRij => (regio ? rij(kubus, 'REGIO', regio) : rij(kubus, 'TOTAAL'));
  const perioden = periodenInBereik(verzoek.periode, van, tot);
  const delen = ontleed(van, tot);
  const cel = (maat: MaatNaam, p: { jaar: number; sleutel: string }, kies: (k: Kubus) => KubusRij, reden?: string): Cijfer => {
    const r = kies(release.jaar(p.jaar)[maat]);
    return (reden === undefined ? r.kolommen[p.sleutel] : r.uitsplitsing[p.sleutel]?.[reden]) as Cijfer;
  };
  const bereik = (maat: MaatNaam, kies: (k: Kubus) => KubusRij = hoofd, reden?: string): Cijfer =>
    som(delen.map((d) => cel(maat, d, kies, reden)));
  const jaren = [...new Set(perioden.map((p) => p.jaar))];
  const fasen = hoofd(release.fasenNu());
  return {
    drempel: release.drempel,
    perPeriode: perioden.map((p) => ({
      periode: p.sleutel,
      aangemeld: cel('aangemeld', p, hoofd),
      doelgroep: cel('doelgroep', p, hoofd),
      gehuisvest: cel('gehuisvest', p, hoofd),
      nietDoelgroepRegulier: cel('nietDoelgroepRegulier', p, hoofd),
      nietDoelgroepAnders: cel('nietDoelgroepAnders', p, hoofd),
    })),
    perGemeente: release.gemeenten
      .filter((g) => regio === null || g.regio === regio)
      .map((g) => ({
        gemeente: g.slug,
        regio: g.regio,
        aangemeld: bereik('aangemeld', (k) => rij(k, 'GEMEENTE', g.slug)),
        gehuisvest: bereik('gehuisvest', (k) => rij(k, 'GEMEENTE', g.slug)),
      })),
    doelen: REGIOS.filter((r) => regio === null || r === regio).flatMap((r) =>
      jaren.map((jaar) => ({
        regio: r,
        jaar,
        doel: JAARDOELEN[r],
        gerealiseerd: som(delen.filter((d) => d.jaar === jaar).map((d) => cel('gehuisvest', d, (k) => rij(k, 'REGIO', r)))),
      })),
    ),
    doorlooptijd: release.doorlooptijd(van, tot, regio),
    // Per year of the range: a whole-years range gives each year exactly what asking for that year
    // alone gives, and a range of one period gives that period, so this tells nothing new.
    doorlooptijdPerJaar: jaren.map((jaar) => {
      const inJaar = delen.filter((d) => d.jaar === jaar);
      return { jaar, ...release.doorlooptijd(inJaar[0]!.van, inJaar[inJaar.length - 1]!.tot, regio) };
    }),
    fasenNu: FASEN.map((fase) => ({ fase, aantal: fasen.kolommen[fase] as Cijfer })),
    gesprekken: {
      leiddeTotHuisvesting: bereik('gesprekkenGeleid'),
      nietGeleid: bereik('gesprekkenNietGeleid'),
      redenen: release.redenen.map((reden) => ({ reden, aantal: bereik('gesprekkenNietGeleid', hoofd, reden) })),
    },
    zelfstandig: { naEenJaar: bereik('zelfstandigNaEenJaar'), naTweeJaar: bereik('zelfstandigNaTweeJaar') },
    garantiefonds: options.garantiefonds ?? null,
    zonderToestemming: options.zonderToestemming ?? null,
  };
}
