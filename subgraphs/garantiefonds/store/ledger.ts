/**
 * The ledger in the database. Every operation that books money runs inside `inFondsTransactie`,
 * which first takes the fund's lock: the ledger table in EXCLUSIVE mode, which lets readers through
 * but admits one writer at a time. So "read the balance, check it, insert the entry" is atomic
 * across concurrent requests and processes — the balance a payout is checked against is the balance
 * it is booked on. The unique indexes and triggers of the migrations are the second line.
 */
import { asc, sql } from 'drizzle-orm';
import { FondsErrorCode, refuse, verifyLedger, type LedgerEntry } from '../domain/index.js';
import type { Db } from '../../common/database.js';
import { grootboek, type GrootboekRow } from '../db/tables.js';
import { fondsWeigering } from './refusal.js';
import { ledgerEntryOf } from './rows.js';

/** Runs `work` in one transaction that holds the fund's lock from its first statement on. */
export async function inFondsTransactie<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    await tx.execute(sql`lock table ${grootboek} in exclusive mode`);
    return work(tx);
  });
}

/** All ledger rows in booking order. */
export async function ledgerRows(db: Db): Promise<GrootboekRow[]> {
  return db.select().from(grootboek).orderBy(asc(grootboek.volgnummer));
}

/**
 * The ledger as the domain sees it, checked against every invariant before money moves: a ledger
 * that fails `verifyLedger` (hand-edited, corrupted) stops all bookings with GROOTBOEK_ONGELDIG
 * instead of being built upon.
 */
export async function loadLedger(db: Db): Promise<readonly LedgerEntry[]> {
  const entries = (await ledgerRows(db)).map(ledgerEntryOf);
  const verified = verifyLedger(entries);
  if (!verified.ok) throw fondsWeigering(verified);
  return entries;
}

/** What the database stores beside a domain entry. */
export interface Boeking {
  readonly entry: LedgerEntry;
  readonly omschrijving: string;
  readonly bijdrageId?: string;
}

/** Inserts entries the domain produced; returns the stored rows in the same order. */
export async function boek(tx: Db, boekingen: readonly Boeking[]): Promise<GrootboekRow[]> {
  if (boekingen.length === 0) return [];
  const rows = await tx
    .insert(grootboek)
    .values(
      boekingen.map(({ entry, omschrijving, bijdrageId }) => ({
        id: entry.id,
        soort: entry.kind,
        bedragCent: entry.cents,
        deelnemer: entry.party ? `${entry.party.kind}:${entry.party.slug}` : null,
        aanvraagId: entry.claimId ?? null,
        bijdrageId: bijdrageId ?? null,
        op: entry.at,
        omschrijving,
      })),
    )
    .returning();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return boekingen.map((b) => {
    const row = byId.get(b.entry.id);
    if (!row) throw fondsWeigering(refuse([FondsErrorCode.GROOTBOEK_ONGELDIG], 'boeking niet opgeslagen'));
    return row;
  });
}
