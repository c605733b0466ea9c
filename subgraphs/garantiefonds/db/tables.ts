/**
 * The guarantee fund's own tables: parties and their contributions, the ledger (every mutation of
 * money is an entry; the balance is their sum) and the claims. Claims refer to a case by its
 * pseudonymous code and opaque id only: the fund holds no personal data.
 *
 * The database guards the money itself, whatever the application does: one payout per claim and one
 * ledger entry per contribution (unique indexes), the sign of every entry by its kind (checks), and
 * — in the custom migration `0002_grootboek_append_only` — a ledger that is never updated or deleted
 * and whose sum never drops below zero.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, jsonb, pgSchema, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { jtiTable } from '../../../schema/identity/jti-register.js';
import { logboekTables } from '../../common/logboek/tables.js';
import { moment } from '../../common/moment.js';

export const garantiefonds = pgSchema('garantiefonds');
const cents = (name: string) => bigint(name, { mode: 'number' });

/**
 * The parties of the fund. `id` is the domain's party key ("GEMEENTE:venlo"); `gewicht` is the
 * party's weight in its kind's distribution key (Module 2 key for gemeenten, housing stock for
 * corporations; unused for care providers, who each pay the same), read at every new round.
 */
export const deelnemers = garantiefonds.table(
  'deelnemers',
  {
    id: text('id').primaryKey(),
    soort: text('soort').notNull(),
    slug: text('slug').notNull(),
    gewicht: cents('gewicht').notNull(),
    toegetredenOp: moment('toegetreden_op').notNull(),
    uitgetredenOp: moment('uitgetreden_op'),
  },
  (t) => [
    check('deelnemers_soort_ck', sql`${t.soort} in ('GEMEENTE', 'CORPORATIE', 'ZORGAANBIEDER')`),
    check('deelnemers_gewicht_ck', sql`${t.gewicht} > 0`),
  ],
);

/** Each call for contributions: the first deposit, a replenishment (art. 7.6) or a joining party (art. 9c). */
export const bijdrageronden = garantiefonds.table(
  'bijdrageronden',
  {
    ronde: cents('ronde').primaryKey(),
    soort: text('soort').notNull(),
    gevraagdOp: moment('gevraagd_op').notNull(),
    /** Why the round was called, e.g. the balance that dropped below € 25.000. */
    aanleiding: text('aanleiding').notNull(),
  },
  (t) => [check('bijdrageronden_soort_ck', sql`${t.soort} in ('INLEG', 'AANVULLING', 'TOETREDING')`)],
);

/** One party's contribution in one round: due until paid (then a ledger entry) or void (fund ended). */
export const bijdragen = garantiefonds.table(
  'bijdragen',
  {
    id: text('id').primaryKey(),
    ronde: cents('ronde').notNull(),
    deelnemer: text('deelnemer').notNull(),
    bedragCent: cents('bedrag_cent').notNull(),
    gevraagdOp: moment('gevraagd_op').notNull(),
    betaaldOp: moment('betaald_op'),
    /** Set when the fund was wound up before the contribution was paid: no longer due. */
    vervallenOp: moment('vervallen_op'),
  },
  (t) => [
    uniqueIndex('bijdragen_ronde_deelnemer_uq').on(t.ronde, t.deelnemer),
    check('bijdragen_bedrag_ck', sql`${t.bedragCent} > 0`),
  ],
);

/**
 * The ledger. `volgnummer` orders it; `id` is the domain's entry id (`UITBETALING:17`), so two
 * writers that computed on the same stale ledger collide on the primary key instead of both booking.
 */
export const grootboek = garantiefonds.table(
  'grootboek',
  {
    id: text('id').primaryKey(),
    volgnummer: bigint('volgnummer', { mode: 'number' }).generatedAlwaysAsIdentity(),
    soort: text('soort').notNull(),
    bedragCent: cents('bedrag_cent').notNull(),
    deelnemer: text('deelnemer'),
    aanvraagId: text('aanvraag_id'),
    bijdrageId: text('bijdrage_id'),
    op: moment('op').notNull(),
    omschrijving: text('omschrijving').notNull(),
  },
  (t) => [
    // One payout per claim, enforced by the database: a retried payout cannot pay twice.
    uniqueIndex('grootboek_uitbetaling_uq').on(t.aanvraagId, t.soort),
    // One entry per contribution paid: a retried registration cannot book it twice.
    uniqueIndex('grootboek_bijdrage_uq').on(t.bijdrageId),
    uniqueIndex('grootboek_volgnummer_uq').on(t.volgnummer),
    check('grootboek_soort_ck', sql`${t.soort} in ('BIJDRAGE', 'UITBETALING', 'RESTITUTIE_BIJ_OPHEFFING')`),
    check(
      'grootboek_teken_ck',
      sql`(${t.soort} = 'BIJDRAGE' and ${t.bedragCent} > 0) or (${t.soort} <> 'BIJDRAGE' and ${t.bedragCent} < 0)`,
    ),
    check('grootboek_uitbetaling_aanvraag_ck', sql`${t.soort} <> 'UITBETALING' or ${t.aanvraagId} is not null`),
    check('grootboek_bijdrage_ck', sql`${t.soort} <> 'BIJDRAGE' or ${t.bijdrageId} is not null`),
  ],
);

/**
 * The claims. `formulier` holds the standard form as filed (amounts in cents, evidence descriptions,
 * the evaluation); the columns beside it are what the fund queries, decides and accounts on.
 */
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
    /** Waivable conditions the claim did not meet when filed (art. 7.9); empty for most. */
    bevindingen: text('bevindingen').array().notNull().default(sql`'{}'::text[]`),
    uitzonderingToelichting: text('uitzondering_toelichting'),
    ingediendOp: moment('ingediend_op').notNull(),
    ingediendDoor: text('ingediend_door'),
    besprokenOp: text('besproken_op'),
    besluitOp: moment('besluit_op'),
    besluitDoor: text('besluit_door'),
    motivering: text('motivering'),
    partijenGeraadpleegd: boolean('partijen_geraadpleegd'),
    overlegInstemming: boolean('overleg_instemming').notNull().default(false),
    uitzondering: boolean('uitzondering').notNull().default(false),
    uitbetaaldOp: moment('uitbetaald_op'),
  },
  (t) => [
    // One claim per negative end (AL_AANGEVRAAGD), also when two filings race.
    uniqueIndex('aanvragen_traject_uq').on(t.trajectId),
    index('aanvragen_status_idx').on(t.status),
    check('aanvragen_status_ck', sql`${t.status} in ('INGEDIEND', 'GOEDGEKEURD', 'AFGEWEZEN', 'UITBETAALD')`),
    check('aanvragen_bedrag_ck', sql`${t.bedragCent} > 0`),
  ],
);

/** Serious negligence of a party in a case (Bijlage 3 §2), recorded by the Voorzitter; it excludes a claim. */
export const nalatigheden = garantiefonds.table(
  'nalatigheden',
  {
    id: text('id').primaryKey(),
    trajectId: text('traject_id').notNull(),
    partij: text('partij').notNull(),
    organisatie: text('organisatie').notNull(),
    toelichting: text('toelichting').notNull(),
    vastgelegdOp: moment('vastgelegd_op').notNull(),
    vastgelegdDoor: text('vastgelegd_door').notNull(),
  },
  (t) => [index('nalatigheden_traject_idx').on(t.trajectId)],
);

export type DeelnemerRow = typeof deelnemers.$inferSelect;
export type RondeRow = typeof bijdrageronden.$inferSelect;
export type BijdrageRow = typeof bijdragen.$inferSelect;
export type GrootboekRow = typeof grootboek.$inferSelect;
export type AanvraagRow = typeof aanvragen.$inferSelect;
export type NalatigheidRow = typeof nalatigheden.$inferSelect;

/** This subgraph's own Logboek Dataverwerkingen (access log), append-only and hash-chained. */
export const logboek = logboekTables(garantiefonds);
export const { verwerkingen, audit, segmenten } = logboek;

/** Token ids seen by this service (NL GOV replay check), shared by its replicas. */
export const tokenJti = jtiTable(garantiefonds);
