/**
 * The register of trusted documents in the gateway's own database: a partner organisation registers
 * the operations its system sends, the privacy officer (TOEZICHT) approves or revokes them, and the
 * gateway looks an approved one up by id for each request. Every change names who made it and when.
 */
import { and, asc, eq, ne, type SQL } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Db } from '../../subgraphs/common/database.js';
import type { Partij } from '../../schema/vocabulary.js';
import { vertrouwdeDocumenten, type DocumentStatus, type VertrouwdDocument } from '../db/tables.js';
import type { OperatieVerwerkingen } from './derive.js';

/** The id of a document: the SHA-256 of its exact text, hex, as Apollo's and Hive's clients compute it. */
export function documentId(tekst: string): string {
  return createHash('sha256').update(tekst, 'utf8').digest('hex');
}

/** What an id looks like; anything else is not looked up. */
export const DOCUMENT_ID = /^[0-9a-f]{64}$/;

export interface Registratie {
  readonly organisatie: string;
  readonly partij: Partij;
  readonly tekst: string;
  readonly operaties: readonly OperatieVerwerkingen[];
  /** Who registers: the token's `sub`, or the operator's name at the command line. */
  readonly door: string;
}

/**
 * Registers a checked document (`check.ts`) for one organisation. Registering the same text again
 * changes nothing and answers the registration as it stands: a revoked document stays revoked until
 * the privacy officer approves it again.
 */
export async function registreer(db: Db, r: Registratie, now = new Date()): Promise<{ document: VertrouwdDocument; nieuw: boolean }> {
  const id = documentId(r.tekst);
  const [inserted] = await db
    .insert(vertrouwdeDocumenten)
    .values({ id, organisatie: r.organisatie, partij: r.partij, tekst: r.tekst, operaties: r.operaties, status: 'REGISTERED', geregistreerdDoor: r.door, geregistreerdOp: now })
    .onConflictDoNothing()
    .returning();
  return inserted ? { document: inserted, nieuw: true } : { document: (await document(db, r.organisatie, id))!, nieuw: false };
}

export async function document(db: Db, organisatie: string, id: string): Promise<VertrouwdDocument | undefined> {
  const [row] = await db.select().from(vertrouwdeDocumenten).where(and(eq(vertrouwdeDocumenten.organisatie, organisatie), eq(vertrouwdeDocumenten.id, id)));
  return row;
}

export interface Beslissing {
  readonly organisatie: string;
  readonly id: string;
  /** The privacy officer: the TOEZICHT token's `sub`, or the name given at the command line. */
  readonly door: string;
}

/** Approves one organisation's document (also one revoked before); `undefined` when it has none with this id. */
export async function keurGoed(db: Db, b: Beslissing, now = new Date()): Promise<VertrouwdDocument | undefined> {
  return beslis(db, b, 'APPROVED', { goedgekeurdDoor: b.door, goedgekeurdOp: now });
}

/** Revokes one organisation's document: from the next request on it is refused. */
export async function trekIn(db: Db, b: Beslissing, now = new Date()): Promise<VertrouwdDocument | undefined> {
  return beslis(db, b, 'REVOKED', { ingetrokkenDoor: b.door, ingetrokkenOp: now });
}

async function beslis(db: Db, b: Beslissing, status: DocumentStatus, wie: Partial<VertrouwdDocument>): Promise<VertrouwdDocument | undefined> {
  const [changed] = await db
    .update(vertrouwdeDocumenten)
    .set({ status, ...wie })
    .where(and(eq(vertrouwdeDocumenten.organisatie, b.organisatie), eq(vertrouwdeDocumenten.id, b.id), ne(vertrouwdeDocumenten.status, status)))
    .returning();
  // Already in that state: the earlier decision (and who made it) stands.
  return changed ?? document(db, b.organisatie, b.id);
}

/** The registrations, oldest first; narrowed to one organisation and/or one status. */
export async function lijst(db: Db, filter: { organisatie?: string | undefined; status?: DocumentStatus | undefined } = {}): Promise<VertrouwdDocument[]> {
  const where: SQL[] = [];
  if (filter.organisatie) where.push(eq(vertrouwdeDocumenten.organisatie, filter.organisatie));
  if (filter.status) where.push(eq(vertrouwdeDocumenten.status, filter.status));
  return db
    .select()
    .from(vertrouwdeDocumenten)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(vertrouwdeDocumenten.geregistreerdOp), asc(vertrouwdeDocumenten.id));
}
