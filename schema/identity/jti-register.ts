/**
 * The register of token ids (`jti`) that makes a replayed id detectable across the replicas of one
 * service: a table in the service's own PostgreSQL schema, written with insert-on-conflict.
 *
 * What "replay" means here (README, "Tokens"): one access token is legitimately presented many times
 * — the gateway forwards it to the subgraphs, they forward it to the regisseur, and a session reuses
 * it for every request until it expires. So a `jti` is not single-use; it is bound, at first sight,
 * to the one token that carried it (a SHA-256 fingerprint of the whole compact JWS: header, claims
 * and signature). The same token again is fine; another token with that `jti` — other claims, other
 * signature — is a replayed or forged id and is refused until the first token's expiry.
 */
import { eq, lt } from 'drizzle-orm';
import { index, text, timestamp, type PgDatabase, type PgQueryResultHKT, type PgSchema } from 'drizzle-orm/pg-core';
import { createHash } from 'node:crypto';

/** Binds a `jti` to a fingerprint until `expiresAt`; answers the fingerprint it is bound to (maybe another). */
export type JtiRegister = (jti: string, fingerprint: string, expiresAt: Date) => Promise<string>;

export function tokenFingerprint(compactToken: string): string {
  return createHash('sha256').update(compactToken).digest('base64url');
}

/** The register's table inside `schema`; each service's `tables.ts` exports it so drizzle-kit migrates it. */
export function jtiTable(schema: PgSchema) {
  return schema.table(
    'token_jti',
    {
      jti: text('jti').primaryKey(),
      fingerprint: text('fingerprint').notNull(),
      /** The token's `exp` plus the clock skew: after it the token is refused anyway, and the row may go. */
      expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    },
    (t) => [index('token_jti_expires_at_idx').on(t.expiresAt)],
  );
}

export type JtiTable = ReturnType<typeof jtiTable>;
type AnyDb = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export interface PostgresJtiRegisterOptions {
  readonly now?: () => number;
  /** How often expired rows are deleted, at most. @default 60_000 ms */
  readonly pruneEveryMs?: number;
}

export function postgresJtiRegister(db: AnyDb, table: JtiTable, options: PostgresJtiRegisterOptions = {}): JtiRegister {
  const now = options.now ?? Date.now;
  const pruneEveryMs = options.pruneEveryMs ?? 60_000;
  let lastPrune = 0;
  return async (jti, fingerprint, expiresAt) => {
    const inserted = await db.insert(table).values({ jti, fingerprint, expiresAt }).onConflictDoNothing().returning({ fingerprint: table.fingerprint });
    if (inserted[0]) {
      if (now() - lastPrune >= pruneEveryMs) {
        lastPrune = now();
        await db.delete(table).where(lt(table.expiresAt, new Date(lastPrune)));
      }
      return fingerprint;
    }
    // Another request (maybe another replica) bound it first; this statement sees its committed row.
    const [bound] = await db.select({ fingerprint: table.fingerprint }).from(table).where(eq(table.jti, jti));
    if (!bound) throw new Error('token_jti: jti neither inserted nor found');
    return bound.fingerprint;
  };
}

/**
 * Remembers bindings this process has seen, so a session's later requests need no database round
 * trip. Safe with replicas: a binding never changes before its expiry, so a cached one is the
 * database's one.
 */
export function cachedJtiRegister(inner: JtiRegister, options: { now?: () => number; maxEntries?: number } = {}): JtiRegister {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const seen = new Map<string, { fingerprint: string; expiresAt: number }>();
  return async (jti, fingerprint, expiresAt) => {
    const hit = seen.get(jti);
    if (hit && hit.expiresAt > now()) return hit.fingerprint;
    const bound = await inner(jti, fingerprint, expiresAt);
    // Only this token's own binding: its expiry is known, a refused token's original's is not.
    if (bound !== fingerprint) return bound;
    seen.delete(jti);
    // Map keeps insertion order: the first key is the oldest binding.
    if (seen.size >= maxEntries) seen.delete(seen.keys().next().value!);
    seen.set(jti, { fingerprint, expiresAt: expiresAt.getTime() });
    return bound;
  };
}
