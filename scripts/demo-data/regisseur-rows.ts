/**
 * The regisseur's rows of one demo case: the routeplanner's case and every transition (so `versie`
 * is the number of transitions, as the acts keep it), the facts, the bemiddelingsprofiel, the
 * selection with the overleg's outcomes, the consent register, a case conference or an override.
 * Nothing here is identity or health data: the profile is written from the profile side of each
 * text pair, and the regisseur gets no BSN, name, birth date or address (DESIGN §3b).
 */
import type { RegisseurSeedData } from '../../subgraphs/regisseur/seed.js';
import { HUUR_FEITEN } from '../../subgraphs/regisseur/routeplanner/transitions.js';
import type { profielen, transities, trajecten } from '../../subgraphs/regisseur/db/tables.js';
import { gemeenteOrganisatie, regioOrganisatie, toestemmingenVan } from './consents.js';
import { huurFeitenVan } from './corporatie-rows.js';
import { extrasVan } from './regisseur-extras.js';
import {
  BEJEGENINGSADVIES,
  FINANCIEN,
  HERKOMST,
  HUISHOUDEN,
  MOBILITEIT,
  SOCIAAL_NETWERK,
  SOCIALE_REDZAAMHEID,
  WERK_DAGINVULLING,
} from './texts-dossier.js';
import { OVERLEG_GEEN_INTERESSE, OVERLEG_INTERESSE, WARME_OVERDRACHT } from './texts-traject.js';
import type { DemoTraject } from './traject.js';

type Transitie = typeof transities.$inferInsert;

function transitiesVan(c: DemoTraject): Transitie[] {
  const d = c.dagen;
  const out: Transitie[] = [];
  const add = (dag: number | undefined, van: string | null, naar: string, handeling: string, partij: string, organisatie: string, reden: string | null = null) => {
    if (dag !== undefined) out.push({ id: c.rng.uuid(), trajectId: c.trajectId, van, naar, handeling, partij, organisatie, reden, op: c.t.op(dag) });
  };
  const gemeente = gemeenteOrganisatie(c.gemeente);
  // The Wmo toegang receives every melding; who filed it stays in the gemeente's file (health data).
  add(0, null, 'MELDING', 'MELDING_ONTVANGEN', 'GEMEENTE', gemeente);
  add(c.t.vak('ONDERZOEK')?.start, 'MELDING', 'ONDERZOEK', 'ONDERZOEK_GESTART', 'GEMEENTE', gemeente);
  add(d.overdracht, 'ONDERZOEK', 'BEMIDDELING', 'OVERGEDRAGEN', 'GEMEENTE', gemeente);
  if (d.warmeOverdracht !== undefined) {
    const reden = c.rng.pick(WARME_OVERDRACHT[c.regio]);
    add(d.warmeOverdracht, 'BEMIDDELING', 'BEMIDDELING', `WARME_OVERDRACHT_${c.regio}`, 'REGISSEUR', regioOrganisatie(c.regioStart), reden);
  }
  const regisseur = regioOrganisatie(c.regio);
  add(d.profielAf, 'BEMIDDELING', 'CORPORATIEGESPREK', 'PROFIEL_AFGEROND', 'REGISSEUR', regisseur);
  add(d.match, 'CORPORATIEGESPREK', 'HUUROVEREENKOMST', 'MATCH_AFGESPROKEN', 'REGISSEUR', regisseur);
  add(d.huur, 'HUUROVEREENKOMST', 'GEHUISVEST', 'HUUROVEREENKOMST_GETEKEND', 'CORPORATIE', c.gematcht ?? '');
  const b = c.t.bestemming;
  if (b.soort === 'AFGESLOTEN') {
    // Before the hand-over the case is the gemeente's Wmo file, so the gemeente closes it.
    const door = b.sluitFase === 'MELDING' || b.sluitFase === 'ONDERZOEK' ? (['GEMEENTE', gemeente] as const) : (['REGISSEUR', regisseur] as const);
    add(d.sluiting, b.sluitFase, 'AFGESLOTEN', 'AFGESLOTEN', door[0], door[1], c.keuzes.uitkomstTekst);
  }
  return out;
}

function profielVan(c: DemoTraject): typeof profielen.$inferInsert | null {
  const d = c.dagen;
  if (d.profiel === undefined) return null;
  const k = c.keuzes;
  const h = HERKOMST[c.herkomst];
  const volledig = d.selectie !== undefined || d.profielAf !== undefined;
  const concept = {
    trajectId: c.trajectId,
    geslacht: c.persoon.geslacht,
    woonsituatie: h.woonsituatie[k.woonsituatie]![1],
    huishouden: HUISHOUDEN[k.huishouden]![1],
    daginvulling: WERK_DAGINVULLING[k.werk]![1],
    sociaalNetwerk: SOCIAAL_NETWERK[k.netwerk]![1],
    gewijzigdOp: c.t.op(volledig ? (d.selectie ?? d.profiel) : d.profiel),
  };
  if (!volledig) return concept;
  return {
    ...concept,
    mobiliteit: MOBILITEIT[k.mobiliteit]![1],
    socialeRedzaamheid: SOCIALE_REDZAAMHEID[k.redzaamheid]![1],
    financien: FINANCIEN[k.financien]![1],
    conclusie: h.conclusie[k.conclusie]!,
    bejegeningsadvies: BEJEGENINGSADVIES[k.bejegening]!,
  };
}

/** Appends the case's regisseur rows to `into`. */
export function regisseurRijen(c: DemoTraject, into: RegisseurSeedData): void {
  const d = c.dagen;
  const overgangen = transitiesVan(c);
  const feiten: Record<string, string> = {};
  if (d.doelgroep?.positief) feiten['DOELGROEP_BEOORDEELD'] = c.t.op(d.doelgroep.dag);
  if (d.plan !== undefined) feiten['ONDERSTEUNINGSPLAN_ONDERTEKEND'] = c.t.op(d.plan);
  // The lease facts the corporation's acts record at the routeplanner: a claim is checked against them.
  const huur = huurFeitenVan(c);
  if (huur) feiten[HUUR_FEITEN.BORG_CENT] = String(huur.borgCent);
  if (huur?.beeindiging) feiten[HUUR_FEITEN.BEEINDIGD] = huur.beeindiging;
  if (huur?.einddatum) feiten[HUUR_FEITEN.EINDDATUM] = huur.einddatum;
  const b = c.t.bestemming;
  const rij: typeof trajecten.$inferInsert = {
    id: c.trajectId,
    code: c.code,
    fase: c.t.fase,
    regio: c.regio,
    gemeente: c.gemeente,
    betrokkene: c.betrokkene,
    melder: c.zorgaanbieder,
    gekoppeldeZorgaanbieder: c.gekoppeld,
    gematcht: d.match !== undefined ? c.gematcht : null,
    uitkomst: b.soort === 'AFGESLOTEN' ? b.uitkomst : null,
    uitkomstToelichting: c.keuzes.uitkomstTekst,
    feiten,
    versie: overgangen.length,
    aangemeldOp: c.t.op(0),
    gehuisvestOp: d.huur !== undefined ? c.t.op(d.huur) : null,
    afgeslotenOp: d.sluiting !== undefined ? c.t.op(d.sluiting) : null,
  };
  into.trajecten.push(rij);
  into.transities.push(...overgangen);
  const profiel = profielVan(c);
  if (profiel) into.profielen.push(profiel);
  if (d.selectie !== undefined) {
    for (const s of c.selecties) {
      into.selecties.push({
        trajectId: c.trajectId,
        corporatie: s.corporatie,
        geselecteerdOp: c.t.op(d.selectie),
        overlegUitkomst: s.uitkomst,
        overlegToelichting: s.uitkomst === null ? null : c.rng.pick(s.uitkomst === 'INTERESSE' ? OVERLEG_INTERESSE : OVERLEG_GEEN_INTERESSE),
        besprokenOp: s.uitkomst === null ? null : c.t.op(d.overleg!),
      });
    }
  }
  const reg = toestemmingenVan(c);
  const extras = extrasVan(c, reg);
  into.toestemmingen.push(...reg.toestemmingen);
  into.toestemmingGebeurtenissen.push(...reg.gebeurtenissen);
  into.casusoverleggen.push(...extras.casusoverleggen);
  into.doorbrekingen.push(...extras.doorbrekingen);
}
