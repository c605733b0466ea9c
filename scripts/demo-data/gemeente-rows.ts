/**
 * The gemeente's rows of one demo case: the resident (identity and contact from the melding; BSN,
 * birth date and sex from the kitchen-table talk on), the melding, the research per life domain with
 * the target-group assessment, the documents of step 3 and the signed ondersteuningsplan. This is
 * the only place the synthetic identity and health texts are written.
 */
import type { GemeenteSeedData } from '../../subgraphs/gemeente/seed.js';
import {
  FINANCIEN,
  GEZONDHEID,
  HERKOMST,
  HUISHOUDEN,
  INKOMEN,
  MOBILITEIT,
  OPLEIDING,
  SOCIAAL_NETWERK,
  SOCIALE_REDZAAMHEID,
  WERK_DAGINVULLING,
} from './texts-dossier.js';
import { DOCUMENT_INHOUD } from './texts-traject.js';
import type { DemoTraject } from './traject.js';

const DOELGROEP_JA = [
  'Behoort tot de doelgroep: kan niet regulier huren en heeft ondersteuning nodig bij zelfstandig wonen.',
  'Doelgroep: achttien jaar of ouder, uit een deelnemende gemeente, met een ondersteuningsvraag bij het wonen.',
] as const;

/** Appends the case's gemeente rows to `into`. */
export function gemeenteRijen(c: DemoTraject, into: GemeenteSeedData): void {
  const d = c.dagen;
  const k = c.keuzes;
  const p = c.persoon;
  const h = HERKOMST[c.herkomst];
  const onderzocht = d.gesprek !== undefined;
  into.inwoners.push({
    trajectId: c.trajectId,
    betrokkene: c.betrokkene,
    gemeente: c.gemeente,
    // BSN, birth date and sex are recorded in the research, not at the melding.
    bsn: onderzocht ? p.bsn : null,
    naam: p.naam,
    geboortedatum: onderzocht ? p.geboortedatum : null,
    geslacht: onderzocht ? p.geslacht : null,
    adres: p.adres,
    telefoon: p.telefoon,
    email: p.email,
  });
  into.meldingen.push({
    trajectId: c.trajectId,
    ingediendDoor: c.melder,
    zorgaanbieder: c.zorgaanbieder,
    machtigingOp: d.machtiging !== undefined ? c.t.op(d.machtiging) : null,
    ontvangenOp: c.t.op(0),
    toelichting: h.melding[k.melding]!,
  });
  if (onderzocht) {
    into.onderzoeken.push({
      trajectId: c.trajectId,
      gesprekOp: c.t.op(d.gesprek!),
      opleiding: OPLEIDING[k.opleiding]!,
      werkDaginvulling: WERK_DAGINVULLING[k.werk]![0],
      inkomen: INKOMEN[k.inkomen]!,
      sociaalNetwerk: SOCIAAL_NETWERK[k.netwerk]![0],
      woonsituatie: h.woonsituatie[k.woonsituatie]![0],
      financien: FINANCIEN[k.financien]![0],
      gezondheid: GEZONDHEID[k.gezondheid]!,
      huishouden: HUISHOUDEN[k.huishouden]![0],
      mobiliteit: MOBILITEIT[k.mobiliteit]![0],
      socialeRedzaamheid: SOCIALE_REDZAAMHEID[k.redzaamheid]![0],
      doelgroep: d.doelgroep ? d.doelgroep.positief : null,
      doelgroepToelichting: d.doelgroep ? (d.doelgroep.positief ? c.rng.pick(DOELGROEP_JA) : k.uitkomstTekst) : null,
    });
  }
  const document = (dag: number, soort: keyof typeof DOCUMENT_INHOUD, geldigDagen: number | null) =>
    into.documenten.push({
      id: c.rng.uuid(),
      trajectId: c.trajectId,
      soort,
      ontvangenOp: c.t.op(dag),
      geldigTot: geldigDagen === null ? null : c.t.datum(dag + geldigDagen),
      inhoud: c.rng.pick(DOCUMENT_INHOUD[soort]),
    });
  if (d.documentenA !== undefined) {
    document(d.documentenA, 'VERHUURDERSVERKLARING', 182);
    document(d.documentenA, 'BRP_UITTREKSEL', 91);
  }
  if (d.documentenB !== undefined) {
    document(d.documentenB, 'INKOMENSVERKLARING', 365);
    if (FINANCIEN[k.financien]![2]) document(d.documentenB, 'BESCHIKKING_BEWINDVOERING', null);
  }
  if (d.plan !== undefined) {
    into.ondersteuningsplannen.push({
      trajectId: c.trajectId,
      doelen: h.doelen[k.doelen]!,
      ondertekendOp: c.t.op(d.plan),
      ondertekendDoor: k.vertegenwoordigd ? 'WETTELIJK_VERTEGENWOORDIGER' : 'INWONER',
    });
  }
}
