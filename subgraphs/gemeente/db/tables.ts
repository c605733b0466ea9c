/**
 * The gemeente's Wmo file: the resident's identity and contact, the melding, the kitchen-table
 * research per life domain, the four documents of step 3 and the ondersteuningsplan. The resident's
 * personal data live here and nowhere else.
 */
import { boolean, pgSchema, text, date, index } from 'drizzle-orm/pg-core';
import { jtiTable } from '../../../schema/identity/jti-register.js';
import { logboekTables } from '../../common/logboek/tables.js';
import { moment } from '../../common/moment.js';

export const gemeente = pgSchema('gemeente');

export const inwoners = gemeente.table(
  'inwoners',
  {
    trajectId: text('traject_id').primaryKey(),
    /** Pseudonymous reference of the data subject (also their login subject); never the BSN. */
    betrokkene: text('betrokkene').notNull(),
    gemeente: text('gemeente').notNull(),
    bsn: text('bsn'),
    naam: text('naam').notNull(),
    geboortedatum: date('geboortedatum', { mode: 'string' }),
    geslacht: text('geslacht'),
    adres: text('adres'),
    telefoon: text('telefoon'),
    email: text('email'),
  },
  (t) => [index('inwoners_betrokkene_idx').on(t.betrokkene)],
);

export const meldingen = gemeente.table('meldingen', {
  trajectId: text('traject_id').primaryKey(),
  ingediendDoor: text('ingediend_door').notNull(),
  zorgaanbieder: text('zorgaanbieder'),
  machtigingOp: moment('machtiging_op'),
  ontvangenOp: moment('ontvangen_op').notNull(),
  toelichting: text('toelichting'),
});

export const onderzoeken = gemeente.table('onderzoeken', {
  trajectId: text('traject_id').primaryKey(),
  gesprekOp: moment('gesprek_op'),
  opleiding: text('opleiding'),
  werkDaginvulling: text('werk_daginvulling'),
  inkomen: text('inkomen'),
  sociaalNetwerk: text('sociaal_netwerk'),
  woonsituatie: text('woonsituatie'),
  financien: text('financien'),
  gezondheid: text('gezondheid'),
  huishouden: text('huishouden'),
  mobiliteit: text('mobiliteit'),
  socialeRedzaamheid: text('sociale_redzaamheid'),
  doelgroep: boolean('doelgroep'),
  doelgroepToelichting: text('doelgroep_toelichting'),
});

export const documenten = gemeente.table(
  'documenten',
  {
    id: text('id').primaryKey(),
    trajectId: text('traject_id').notNull(),
    soort: text('soort').notNull(),
    ontvangenOp: moment('ontvangen_op').notNull(),
    geldigTot: date('geldig_tot', { mode: 'string' }),
    inhoud: text('inhoud').notNull(),
  },
  (t) => [index('documenten_traject_idx').on(t.trajectId)],
);

export const ondersteuningsplannen = gemeente.table('ondersteuningsplannen', {
  trajectId: text('traject_id').primaryKey(),
  doelen: text('doelen').notNull(),
  ondertekendOp: moment('ondertekend_op'),
  ondertekendDoor: text('ondertekend_door'),
});

export type InwonerRow = typeof inwoners.$inferSelect;
export type OnderzoekRow = typeof onderzoeken.$inferSelect;

/** This subgraph's own Logboek Dataverwerkingen (access log), append-only and hash-chained. */
export const logboek = logboekTables(gemeente);
export const { verwerkingen, audit, segmenten } = logboek;

/** Token ids seen by this service (NL GOV replay check), shared by its replicas. */
export const tokenJti = jtiTable(gemeente);
