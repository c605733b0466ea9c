/**
 * The gateway's tables, in its own Postgres schema so its replicas share them: the token ids it has
 * seen (NL GOV replay check) and the trusted documents partners registered. The gateway holds no
 * personal data: a document is an operation's text, and what it derives from it is schema metadata.
 */
import { check, jsonb, primaryKey, text, timestamp, index, pgSchema } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { jtiTable } from '../../schema/identity/jti-register.js';
import type { OperatieVerwerkingen } from '../trusted-documents/derive.js';

export const gateway = pgSchema('gateway');

export const tokenJti = jtiTable(gateway);

/** REGISTERED until the privacy officer approves; REVOKED stops it at once, until approved again. */
export const DOCUMENT_STATUSSEN = ['REGISTERED', 'APPROVED', 'REVOKED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSSEN)[number];

const moment = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * One registration per organisation and document: the same text registered by two corporations is
 * two rows, each approved on its own (an approval is for one organisation's system).
 */
export const vertrouwdeDocumenten = gateway.table(
  'vertrouwde_documenten',
  {
    /** SHA-256 of the text, hex: the id a partner sends instead of the text. */
    id: text('id').notNull(),
    organisatie: text('organisatie').notNull(),
    partij: text('partij').notNull(),
    tekst: text('tekst').notNull(),
    /** Per operation in the text: the categories, bases and purposes it can ever touch, and through which fields. */
    operaties: jsonb('operaties').$type<readonly OperatieVerwerkingen[]>().notNull(),
    status: text('status').$type<DocumentStatus>().notNull(),
    geregistreerdDoor: text('geregistreerd_door').notNull(),
    geregistreerdOp: moment('geregistreerd_op').notNull(),
    goedgekeurdDoor: text('goedgekeurd_door'),
    goedgekeurdOp: moment('goedgekeurd_op'),
    ingetrokkenDoor: text('ingetrokken_door'),
    ingetrokkenOp: moment('ingetrokken_op'),
  },
  (t) => [
    primaryKey({ columns: [t.organisatie, t.id] }),
    index('vertrouwde_documenten_status_idx').on(t.status),
    check('vertrouwde_documenten_status_check', sql`${t.status} in ('REGISTERED', 'APPROVED', 'REVOKED')`),
  ],
);

export type VertrouwdDocument = typeof vertrouwdeDocumenten.$inferSelect;
