/**
 * The corporations' own records: offers per selected corporation (under the case code), the
 * three-party lease with the linked care provider, and after housing the evaluations and signals.
 * One table set serves all eight corporations; every row names its corporation.
 */
import { boolean, date, index, integer, pgSchema, text } from 'drizzle-orm/pg-core';
import { jtiTable } from '../../../schema/identity/jti-register.js';
import { logboekTables } from '../../common/logboek/tables.js';
import { moment } from '../../common/moment.js';

export const corporatie = pgSchema('corporatie');

export const woningaanbiedingen = corporatie.table(
  'woningaanbiedingen',
  {
    id: text('id').primaryKey(),
    trajectId: text('traject_id').notNull(),
    corporatie: text('corporatie').notNull(),
    omschrijving: text('omschrijving').notNull(),
    kernHuurprijsCent: integer('kern_huurprijs_cent').notNull(),
    beschikbaarPer: date('beschikbaar_per', { mode: 'string' }),
    aangebodenOp: moment('aangeboden_op').notNull(),
  },
  (t) => [index('woningaanbiedingen_traject_idx').on(t.trajectId)],
);

export const huurovereenkomsten = corporatie.table('huurovereenkomsten', {
  trajectId: text('traject_id').primaryKey(),
  corporatie: text('corporatie').notNull(),
  zorgaanbieder: text('zorgaanbieder').notNull(),
  /** HUURDER: in the tenant's name; ZORGAANBIEDER: in the care provider's name (seed 000). */
  contractvorm: text('contractvorm').notNull(),
  driePartijenOvereenkomst: boolean('drie_partijen_overeenkomst').notNull(),
  adresWoning: text('adres_woning').notNull(),
  ingangsdatum: date('ingangsdatum', { mode: 'string' }).notNull(),
  kaleHuurCent: integer('kale_huur_cent').notNull(),
  borgCent: integer('borg_cent').notNull(),
  getekendOp: moment('getekend_op').notNull(),
  beeindigdOp: date('beeindigd_op', { mode: 'string' }),
  /** POSITIEF, ONTRUIMD or VERTROKKEN (the last two are the only trigger for a fund claim). */
  beeindiging: text('beeindiging'),
});

export const evaluaties = corporatie.table(
  'evaluaties',
  {
    id: text('id').primaryKey(),
    trajectId: text('traject_id').notNull(),
    door: text('door').notNull(),
    datum: date('datum', { mode: 'string' }).notNull(),
    /** HALFJAARLIJKS, SIGNAAL or NEGATIEVE_BEEINDIGING. */
    soort: text('soort').notNull(),
    bevindingen: text('bevindingen').notNull(),
    zelfstandigWonend: boolean('zelfstandig_wonend'),
  },
  (t) => [index('evaluaties_traject_idx').on(t.trajectId)],
);

/** This subgraph's own Logboek Dataverwerkingen (access log), append-only and hash-chained. */
export const logboek = logboekTables(corporatie);
export const { verwerkingen, audit, segmenten } = logboek;

/** Token ids seen by this service (NL GOV replay check), shared by its replicas. */
export const tokenJti = jtiTable(corporatie);
