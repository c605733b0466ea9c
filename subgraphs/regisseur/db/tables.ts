/**
 * The regisseur's own tables: the routeplanner (cases, phases, transitions), the consent register,
 * the bemiddelingsprofiel, the selection of corporations and the Woonkans-overleg. No BSN, name,
 * birth date, address or health data is ever stored here: the regisseur composes those at query time.
 */
import { boolean, integer, jsonb, pgSchema, text, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { jtiTable } from '../../../schema/identity/jti-register.js';
import { logboekTables } from '../../common/logboek/tables.js';
import { moment } from '../../common/moment.js';

export const regisseur = pgSchema('regisseur');


export const trajecten = regisseur.table(
  'trajecten',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    fase: text('fase').notNull(),
    /** The mediating region; changes on a warm hand-over. */
    regio: text('regio').notNull(),
    gemeente: text('gemeente').notNull(),
    /** The resident's pseudonymous reference (also their login subject). */
    betrokkene: text('betrokkene').notNull(),
    melder: text('melder'),
    gekoppeldeZorgaanbieder: text('gekoppelde_zorgaanbieder'),
    gematcht: text('gematcht'),
    uitkomst: text('uitkomst'),
    uitkomstToelichting: text('uitkomst_toelichting'),
    /** Facts the routeplanner checks before a transition (e.g. ONDERSTEUNINGSPLAN_ONDERTEKEND). */
    feiten: jsonb('feiten').$type<Record<string, string>>().notNull().default({}),
    versie: integer('versie').notNull().default(1),
    aangemeldOp: moment('aangemeld_op').notNull(),
    gehuisvestOp: moment('gehuisvest_op'),
    afgeslotenOp: moment('afgesloten_op'),
  },
  (t) => [
    uniqueIndex('trajecten_code_uq').on(t.code),
    index('trajecten_regio_fase_idx').on(t.regio, t.fase),
    // Every list is newest first with a keyset cursor (aangemeld_op, id): read in index order, a
    // page costs the same at 100k cases as at 1k (a sort of every visible case did not).
    index('trajecten_aangemeld_idx').on(t.aangemeldOp, t.id),
  ],
);

export const transities = regisseur.table(
  'transities',
  {
    id: text('id').primaryKey(),
    trajectId: text('traject_id').notNull(),
    van: text('van'),
    naar: text('naar').notNull(),
    handeling: text('handeling').notNull(),
    partij: text('partij').notNull(),
    organisatie: text('organisatie').notNull(),
    reden: text('reden'),
    op: moment('op').notNull(),
  },
  (t) => [index('transities_traject_idx').on(t.trajectId)],
);

export const profielen = regisseur.table('profielen', {
  trajectId: text('traject_id').primaryKey(),
  geslacht: text('geslacht'),
  woonsituatie: text('woonsituatie'),
  huishouden: text('huishouden'),
  daginvulling: text('daginvulling'),
  mobiliteit: text('mobiliteit'),
  sociaalNetwerk: text('sociaal_netwerk'),
  socialeRedzaamheid: text('sociale_redzaamheid'),
  financien: text('financien'),
  conclusie: text('conclusie'),
  bejegeningsadvies: text('bejegeningsadvies'),
  gewijzigdOp: moment('gewijzigd_op').notNull(),
});

export const selecties = regisseur.table(
  'selecties',
  {
    trajectId: text('traject_id').notNull(),
    corporatie: text('corporatie').notNull(),
    geselecteerdOp: moment('geselecteerd_op').notNull(),
    /** Outcome of the Woonkans-overleg for this corporation: INTERESSE / GEEN_INTERESSE. */
    overlegUitkomst: text('overleg_uitkomst'),
    overlegToelichting: text('overleg_toelichting'),
    besprokenOp: moment('besproken_op'),
  },
  (t) => [uniqueIndex('selecties_uq').on(t.trajectId, t.corporatie)],
);

export const toestemmingen = regisseur.table(
  'toestemmingen',
  {
    id: text('id').primaryKey(),
    trajectId: text('traject_id').notNull(),
    ontvangerPartij: text('ontvanger_partij').notNull(),
    ontvangerOrganisatie: text('ontvanger_organisatie'),
    casusoverlegId: text('casusoverleg_id'),
    categorieen: text('categorieen').array().notNull(),
    doel: text('doel').notNull(),
    richting: text('richting').notNull(),
    gegevenOp: moment('gegeven_op').notNull(),
    geldigTot: moment('geldig_tot').notNull(),
    ingetrokkenOp: moment('ingetrokken_op'),
    vastgelegdDoor: text('vastgelegd_door').notNull(),
    ondertekendDoor: text('ondertekend_door').notNull(),
  },
  (t) => [index('toestemmingen_traject_idx').on(t.trajectId)],
);

/** The consent's history as events, never overwritten: GEGEVEN, GEWIJZIGD, INGETROKKEN, BEZWAAR, VERLOPEN. */
export const toestemmingGebeurtenissen = regisseur.table(
  'toestemming_gebeurtenissen',
  {
    id: text('id').primaryKey(),
    toestemmingId: text('toestemming_id').notNull(),
    soort: text('soort').notNull(),
    op: moment('op').notNull(),
    door: text('door').notNull(),
    toelichting: text('toelichting'),
    inhoud: jsonb('inhoud'),
  },
  // By kind: the Werkgroep's yearly account counts the objections (BEZWAAR) among all events.
  (t) => [index('toestemming_gebeurtenissen_idx').on(t.toestemmingId), index('toestemming_gebeurtenissen_soort_idx').on(t.soort)],
);

/**
 * The regisseur's feedback to the Wmo-consulent (seed 002, step 4–6): the conditions for mediation,
 * the finished profile, the chosen corporation and date. Written for the gemeente only.
 */
export const terugkoppelingen = regisseur.table(
  'terugkoppelingen',
  {
    id: text('id').primaryKey(),
    trajectId: text('traject_id').notNull(),
    /** VOORWAARDEN, PROFIEL or PLAATSING. */
    moment: text('moment').notNull(),
    toelichting: text('toelichting').notNull(),
    door: text('door').notNull(),
    op: moment('op').notNull(),
  },
  (t) => [index('terugkoppelingen_traject_idx').on(t.trajectId)],
);

export const casusoverleggen = regisseur.table('casusoverleggen', {
  id: text('id').primaryKey(),
  trajectId: text('traject_id').notNull(),
  aangevraagdDoor: text('aangevraagd_door').notNull(),
  doel: text('doel').notNull(),
  noodzaak: text('noodzaak').notNull(),
  deelnemers: jsonb('deelnemers').$type<{ partij: string; organisatie: string }[]>().notNull(),
  categorieen: text('categorieen').array().notNull(),
  status: text('status').notNull(),
  besluitToelichting: text('besluit_toelichting'),
  besluitDoor: text('besluit_door'),
  tot: moment('tot'),
  aangevraagdOp: moment('aangevraagd_op').notNull(),
});

export const doorbrekingen = regisseur.table('doorbrekingen', {
  id: text('id').primaryKey(),
  trajectId: text('traject_id').notNull(),
  professional: text('professional').notNull(),
  professionalOrganisatie: text('professional_organisatie').notNull(),
  ontvangerPartij: text('ontvanger_partij').notNull(),
  ontvangerOrganisatie: text('ontvanger_organisatie'),
  velden: text('velden').array().notNull(),
  criteria: jsonb('criteria').$type<Record<string, boolean>>().notNull(),
  motivering: text('motivering').notNull(),
  vanaf: moment('vanaf').notNull(),
  tot: moment('tot').notNull(),
  inwonerGeinformeerd: boolean('inwoner_geinformeerd').notNull().default(false),
  beoordeeldOp: moment('beoordeeld_op'),
  beoordeling: text('beoordeling'),
});

export type TrajectRow = typeof trajecten.$inferSelect;
export type ToestemmingRow = typeof toestemmingen.$inferSelect;
export type DoorbrekingRow = typeof doorbrekingen.$inferSelect;

/** This subgraph's own Logboek Dataverwerkingen (access log), append-only and hash-chained. */
export const logboek = logboekTables(regisseur);
export const { verwerkingen, audit, segmenten } = logboek;

/** Token ids seen by this service (NL GOV replay check), shared by its replicas. */
export const tokenJti = jtiTable(regisseur);
