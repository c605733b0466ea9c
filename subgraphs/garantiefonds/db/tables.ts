/**
 * The guarantee fund's own tables: parties and their contributions, the ledger (every mutation of
 * money is an entry; the balance is their sum) and the claims. Claims refer to a case by its
 * pseudonymous code and opaque id only: the fund holds no personal data.
 */
import { bigint, boolean, index, jsonb, pgSchema, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { logboekTables } from '../../common/logboek/tables.js';

export const garantiefonds = pgSchema('garantiefonds');
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const cents = (name: string) => bigint(name, { mode: 'number' });

export const deelnemers = garantiefonds.table('deelnemers', {
  id: text('id').primaryKey(),
  soort: text('soort').notNull(),
  slug: text('slug').notNull(),
  gewicht: cents('gewicht').notNull(),
  toegetredenOp: ts('toegetreden_op').notNull(),
  uitgetredenOp: ts('uitgetreden_op'),
});

export const bijdragen = garantiefonds.table(
  'bijdragen',
  {
    id: text('id').primaryKey(),
    ronde: cents('ronde').notNull(),
    deelnemer: text('deelnemer').notNull(),
    bedragCent: cents('bedrag_cent').notNull(),
    gevraagdOp: ts('gevraagd_op').notNull(),
    betaaldOp: ts('betaald_op'),
  },
  (t) => [uniqueIndex('bijdragen_ronde_deelnemer_uq').on(t.ronde, t.deelnemer)],
);

export const grootboek = garantiefonds.table(
  'grootboek',
  {
    id: text('id').primaryKey(),
    soort: text('soort').notNull(),
    bedragCent: cents('bedrag_cent').notNull(),
    deelnemer: text('deelnemer'),
    aanvraagId: text('aanvraag_id'),
    op: ts('op').notNull(),
    omschrijving: text('omschrijving').notNull(),
  },
  // One payout per claim, enforced by the database: a retried payout cannot pay twice.
  (t) => [uniqueIndex('grootboek_uitbetaling_uq').on(t.aanvraagId, t.soort)],
);

export const aanvragen = garantiefonds.table(
  'aanvragen',
  {
    id: text('id').primaryKey(),
    trajectId: text('traject_id').notNull(),
    trajectCode: text('traject_code').notNull(),
    corporatie: text('corporatie').notNull(),
    formulier: jsonb('formulier').notNull(),
    bedragCent: cents('bedrag_cent').notNull(),
    status: text('status').notNull(),
    ingediendOp: ts('ingediend_op').notNull(),
    besluitOp: ts('besluit_op'),
    besluitDoor: text('besluit_door'),
    motivering: text('motivering'),
    uitzondering: boolean('uitzondering').notNull().default(false),
    nalatigheid: text('nalatigheid'),
  },
  (t) => [index('aanvragen_traject_idx').on(t.trajectId)],
);

/** This subgraph's own Logboek Dataverwerkingen (access log), append-only and hash-chained. */
export const logboek = logboekTables(garantiefonds);
export const { verwerkingen, audit, segmenten } = logboek;
