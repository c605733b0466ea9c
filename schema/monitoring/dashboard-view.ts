/**
 * The dashboard's data exactly as `WERKGROEP_QUERY` (query.ts) asks for it, and the pure function that
 * cuts it from the full figures.
 *
 * Why a view and not a second computation: the regio filter must only *select* from figures that were
 * suppressed over both regio's together (see `kubus.ts`). Computing the figures again for one regio would
 * give a different suppression pattern, and the difference with the unfiltered answer could reveal a
 * hidden cell.
 */
import { FASEN, type Fase, type Regio } from '../vocabulary.js';
import { rij, type Cijfer, type Kubus } from './kubus.js';
import type { Doorlooptijd, Jaardoel, Monitoringcijfers } from './figures.js';

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
  fasenNu: { fase: Fase; aantal: Cijfer }[];
  gesprekken: { leiddeTotHuisvesting: Cijfer; nietGeleid: Cijfer; redenen: { reden: string; aantal: Cijfer }[] };
  zelfstandig: { naEenJaar: Cijfer; naTweeJaar: Cijfer };
  garantiefonds: Garantiefondscijfers | null;
  zonderToestemming: ZonderToestemmingcijfers | null;
}

/** What to select, and the figures that come from other sources than the case rows. */
export interface WerkgroepViewOptions {
  /** Only this regio; null or absent for both. */
  regio?: Regio | null;
  garantiefonds?: Garantiefondscijfers | null;
  zonderToestemming?: ZonderToestemmingcijfers | null;
}

/** Cuts the GraphQL answer out of the figures (computed for both regio's). */
export function naarWerkgroepMonitoring(cijfers: Monitoringcijfers, options: WerkgroepViewOptions = {}): WerkgroepMonitoring {
  const regio = options.regio ?? null;
  const hoofd = (kubus: Kubus) => (regio ? rij(kubus, 'REGIO', regio) : rij(kubus, 'TOTAAL'));
  const redenen = hoofd(cijfers.gesprekkenNietGeleid).uitsplitsing;
  return {
    drempel: cijfers.drempel,
    perPeriode: cijfers.perioden.map(({ sleutel }) => ({
      periode: sleutel,
      aangemeld: hoofd(cijfers.aangemeld).kolommen[sleutel]!,
      doelgroep: hoofd(cijfers.doelgroep).kolommen[sleutel]!,
      gehuisvest: hoofd(cijfers.gehuisvest).kolommen[sleutel]!,
      nietDoelgroepRegulier: hoofd(cijfers.nietDoelgroepRegulier).kolommen[sleutel]!,
      nietDoelgroepAnders: hoofd(cijfers.nietDoelgroepAnders).kolommen[sleutel]!,
    })),
    perGemeente: cijfers.aangemeld.rijen
      .filter((r) => r.soort === 'GEMEENTE' && (regio === null || r.regio === regio))
      .map((r) => ({
        gemeente: r.sleutel,
        regio: r.regio as Regio,
        aangemeld: r.totaal,
        gehuisvest: rij(cijfers.gehuisvest, 'GEMEENTE', r.sleutel).totaal,
      })),
    doelen: cijfers.doelen.filter((d) => regio === null || d.regio === regio),
    doorlooptijd: regio ? cijfers.doorlooptijd.perRij[`REGIO:${regio}`]! : cijfers.doorlooptijd.totaal,
    fasenNu: FASEN.map((fase) => ({ fase, aantal: hoofd(cijfers.fasenNu).kolommen[fase]! })),
    gesprekken: {
      leiddeTotHuisvesting: hoofd(cijfers.gesprekkenGeleid).totaal,
      nietGeleid: hoofd(cijfers.gesprekkenNietGeleid).totaal,
      redenen: cijfers.gesprekkenNietGeleid.uitsplitsingen.map((reden) => ({ reden, aantal: redenen[reden]! })),
    },
    zelfstandig: {
      naEenJaar: hoofd(cijfers.zelfstandigNaEenJaar).totaal,
      naTweeJaar: hoofd(cijfers.zelfstandigNaTweeJaar).totaal,
    },
    garantiefonds: options.garantiefonds ?? null,
    zonderToestemming: options.zonderToestemming ?? null,
  };
}
