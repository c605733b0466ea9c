/**
 * The rarer records the plan hands to a few housed cases: a case conference (seed 000 Bijlage 2)
 * asked for by the care provider and decided by the Voorzitter — with one targeted consent per
 * participant when approved, exactly as `besluitCasusoverleg` records them — or a conflict-van-
 * plichten override with all six criteria, limited in fields and time, awaiting the privacy
 * officer's review (one already reviewed, for contrast).
 */
import type { casusoverleggen, doorbrekingen } from '../../subgraphs/regisseur/db/tables.js';
import { CRITERIA } from '../../subgraphs/regisseur/toestemming/doorbreking.js';
import { gemeenteOrganisatie, regioOrganisatie, type Register } from './consents.js';
import { CASUSOVERLEG, DOORBREKING_MOTIVERING } from './texts-traject.js';
import { DAG_MS } from './timeline.js';
import type { DemoTraject } from './traject.js';

type CasusoverlegRij = typeof casusoverleggen.$inferInsert;
type DoorbrekingRij = typeof doorbrekingen.$inferInsert;

export interface Extras {
  readonly casusoverleggen: CasusoverlegRij[];
  readonly doorbrekingen: DoorbrekingRij[];
}

function casusoverleg(c: DemoTraject, reg: Register): CasusoverlegRij | null {
  const soort = c.extra.casusoverleg;
  if (!soort || c.dagen.huur === undefined || !c.gematcht || !c.gekoppeld) return null;
  const vroegst = c.dagen.huur + 30;
  const aangevraagd = Math.max(vroegst, c.t.vandaag - (soort === 'AANGEVRAAGD' ? c.rng.int(2, 6) : c.rng.int(30, 120)));
  if (aangevraagd >= c.t.vandaag - 1) return null;
  const tekst = soort === 'AFGEWEZEN' ? CASUSOVERLEG[2] : CASUSOVERLEG[c.rng.int(0, 1)]!;
  const id = c.rng.uuid();
  const regisseur = regioOrganisatie(c.regio);
  const deelnemers = [
    { partij: 'CORPORATIE', organisatie: c.gematcht },
    { partij: 'ZORGAANBIEDER', organisatie: c.gekoppeld },
    { partij: 'GEMEENTE', organisatie: gemeenteOrganisatie(c.gemeente) },
  ];
  const categorieen = ['BEJEGENINGSADVIES', 'PROFIEL'] as const;
  const rij: CasusoverlegRij = {
    id,
    trajectId: c.trajectId,
    aangevraagdDoor: c.gekoppeld,
    doel: tekst.doel,
    noodzaak: tekst.noodzaak,
    deelnemers,
    categorieen: [...categorieen],
    status: soort,
    aangevraagdOp: c.t.op(aangevraagd),
  };
  if (soort === 'AANGEVRAAGD') return rij;
  const besluit = aangevraagd + 1;
  const tot = new Date(Date.parse(c.t.op(besluit)) + 90 * DAG_MS).toISOString();
  if (soort === 'AKKOORD') {
    // The resident's targeted consent is recorded before anything is shared with the participants.
    for (const d of deelnemers) {
      reg.geef({
        ontvangerPartij: d.partij as 'CORPORATIE' | 'ZORGAANBIEDER' | 'GEMEENTE',
        ontvangerOrganisatie: d.organisatie,
        casusoverlegId: id,
        categorieen,
        doel: 'DUURZAAM_WONEN',
        dag: besluit,
        geldigDagen: 90,
        vastgelegdDoor: regisseur,
      });
    }
  }
  return { ...rij, besluitToelichting: tekst.besluit, besluitDoor: regisseur, tot: soort === 'AKKOORD' ? tot : null };
}

function doorbreking(c: DemoTraject): DoorbrekingRij | null {
  const soort = c.extra.doorbreking;
  if (!soort || c.dagen.huur === undefined || !c.gekoppeld) return null;
  const [terug, duur] = { GEMEENTE_AAN_REGISSEUR: [3, 14], REGISSEUR_AAN_ZORGAANBIEDER: [8, 30], VERLOPEN_ONBEOORDEELD: [75, 21], BEOORDEELD: [200, 14] }[soort];
  const vanaf = c.t.vandaag - terug!;
  if (vanaf <= c.dagen.huur) return null;
  const vanGemeente = soort !== 'REGISSEUR_AAN_ZORGAANBIEDER';
  const professionalOrganisatie = vanGemeente ? gemeenteOrganisatie(c.gemeente) : regioOrganisatie(c.regio);
  const naarZorg = soort === 'REGISSEUR_AAN_ZORGAANBIEDER';
  const vanafOp = c.t.op(vanaf);
  return {
    id: c.rng.uuid(),
    trajectId: c.trajectId,
    professional: `${professionalOrganisatie}:${vanGemeente ? 'wmo-consulent' : 'regisseur'}`,
    professionalOrganisatie,
    ontvangerPartij: naarZorg ? 'ZORGAANBIEDER' : 'REGISSEUR',
    ontvangerOrganisatie: naarZorg ? c.gekoppeld : regioOrganisatie(c.regio),
    velden: naarZorg ? ['Bemiddelingsprofiel.socialeRedzaamheid', 'Bemiddelingsprofiel.conclusie'] : ['Inwoner.gezondheid'],
    criteria: Object.fromEntries(CRITERIA.map((k) => [k, true])),
    motivering: c.rng.pick(DOORBREKING_MOTIVERING),
    vanaf: vanafOp,
    tot: new Date(Date.parse(vanafOp) + duur! * DAG_MS).toISOString(),
    inwonerGeinformeerd: soort !== 'GEMEENTE_AAN_REGISSEUR',
    beoordeeldOp: soort === 'BEOORDEELD' ? c.t.op(vanaf + 40) : null,
    beoordeling: soort === 'BEOORDEELD' ? 'Terecht: alle zes criteria onderbouwd; de inwoner is achteraf geïnformeerd.' : null,
  };
}

export function extrasVan(c: DemoTraject, reg: Register): Extras {
  const co = casusoverleg(c, reg);
  const db = doorbreking(c);
  return { casusoverleggen: co ? [co] : [], doorbrekingen: db ? [db] : [] };
}
