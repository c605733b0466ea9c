/**
 * The one GraphQL operation of the Werkgroep dashboard, shared by the page (which sends it) and the API
 * (which must answer it), so the two cannot drift apart. The result type is `WerkgroepMonitoring` in
 * `dashboard-view.ts`.
 *
 * Variables: `periode` is `MAAND`, `HALFJAAR` or `JAAR`; `van` and `tot` are ISO dates (`YYYY-MM-DD`)
 * of the half-open range [van, tot) — `van` included, `tot` not (see `periods.ts`); `regio` is
 * `NOORD_LIMBURG`, `MIDDEN_LIMBURG` or null for both. Every count is an object `{ waarde onderdrukt }`:
 * `waarde` is null exactly when `onderdrukt` is true.
 */
import type { Regio } from '../../schema/vocabulary.js';
import type { PeriodeSoort } from '../../schema/monitoring/periods.js';

export const WERKGROEP_QUERY = /* GraphQL */ `query Werkgroep($periode: Periode!, $van: String!, $tot: String!, $regio: Regio) {
  monitoring(periode: $periode, van: $van, tot: $tot, regio: $regio) {
    drempel
    perPeriode { periode aangemeld { waarde onderdrukt } doelgroep { waarde onderdrukt } gehuisvest { waarde onderdrukt } nietDoelgroepRegulier { waarde onderdrukt } nietDoelgroepAnders { waarde onderdrukt } }
    perGemeente { gemeente regio aangemeld { waarde onderdrukt } gehuisvest { waarde onderdrukt } }
    doelen { regio jaar doel gerealiseerd { waarde onderdrukt } }
    doorlooptijd { mediaanDagen p25Dagen p75Dagen onderdrukt }
    doorlooptijdPerJaar { jaar mediaanDagen p25Dagen p75Dagen onderdrukt }
    fasenNu { fase aantal { waarde onderdrukt } }
    gesprekken { leiddeTotHuisvesting { waarde onderdrukt } nietGeleid { waarde onderdrukt } redenen { reden aantal { waarde onderdrukt } } }
    zelfstandig { naEenJaar { waarde onderdrukt } naTweeJaar { waarde onderdrukt } }
    garantiefonds { saldoCent bijdragenOpenstaandCent aanvragen uitbetaaldCent }
    zonderToestemming { gedeeld bezwaren }
  }
}
`;

/** The variables of {@link WERKGROEP_QUERY}. */
export interface WerkgroepVariables {
  periode: PeriodeSoort;
  van: string;
  tot: string;
  regio: Regio | null;
}
