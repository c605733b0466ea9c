/**
 * The log's own migrations, written once for every subgraph. The log's tables come with each
 * subgraph's generated migrations (drizzle-kit sees them in its `tables.ts`), but what guards them
 * — the append-only triggers, retention's procedure, the audit chain's constraints, the append
 * routines — is SQL that only differs by schema name, so it lives here as steps generated for the
 * schema, not as four copies in four migration folders.
 *
 * `openDatabase` runs them after a schema's own migrations whenever that schema holds a log. What
 * ran is recorded as one digest of all steps' SQL per run in `drizzle.<schema>_logboek_migrations`;
 * steps whose digest never ran there (a new step, or a routine that follows a new column of
 * `tables.ts`) run, all of them, in order, in one transaction. Every step can run again on a log
 * that has it (see `append-only.ts`), so a database of any earlier release — whose copies of these
 * steps lay in the subgraph's migrations and recorded nothing here — ends exactly where a fresh one
 * does. Steps that ran before do not run again: during a rolling upgrade a replica of the previous
 * release that restarts must not put its older routine back over the newer one (drizzle's own
 * migrations never go back either). A change of the log's objects is therefore an edit here plus,
 * where an object goes away, a statement that drops it; no per-subgraph file.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { rowsOf } from '../rows.js';
import { STATEMENT_BREAKPOINT, appendOnlySql, auditKetenSql } from './append-only.js';
import { appendRoutineSql } from './append-routine.js';
import { quoteIdent } from './identifier.js';

export interface LogboekStap {
  readonly naam: string;
  readonly sql: (schema: string) => string;
}

/** In the order they run; each after the previous one, all after the subgraph's own migrations. */
export const LOGBOEK_STAPPEN: readonly LogboekStap[] = [
  { naam: 'logboek_append_only', sql: appendOnlySql },
  { naam: 'audit_keten_bewaking', sql: auditKetenSql },
  { naam: 'logboek_toevoegen', sql: appendRoutineSql },
];

/** The statements of a step's text (separated as in drizzle's migration files). */
export function statementsOf(text: string): string[] {
  return text
    .split(STATEMENT_BREAKPOINT)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Every statement of the log's steps for `schema`, in order. */
export function logboekStepStatements(schema: string, stappen: readonly LogboekStap[] = LOGBOEK_STAPPEN): string[] {
  return stappen.flatMap((stap) => statementsOf(stap.sql(schema)));
}

function digestOf(statements: readonly string[]): string {
  return createHash('sha256').update(statements.join('\n;\n')).digest('hex');
}

/** What a run of `stappen` records: the digest of their statements for `schema`. */
export function logboekDigest(schema: string, stappen: readonly LogboekStap[] = LOGBOEK_STAPPEN): string {
  return digestOf(logboekStepStatements(schema, stappen));
}

/**
 * Brings the log in `schema` to the state of `stappen` (today's, but for tests), when the schema
 * holds a log at all and they never ran there. Returns whether they ran. Call it where no other
 * process migrates the same schema at once (`openDatabase` holds its migration lock).
 */
export async function migrateLogboek(db: Db, schema: string, stappen: readonly LogboekStap[] = LOGBOEK_STAPPEN): Promise<boolean> {
  const [found] = rowsOf<{ log: boolean }>(await db.execute(sql`select to_regclass(${`${quoteIdent(schema)}."verwerkingen"`}) is not null as log`));
  if (!found?.log) return false;
  const track = sql.raw(`"drizzle".${quoteIdent(`${schema}_logboek_migrations`)}`);
  // In drizzle's own schema, which its migrator made just before.
  await db.execute(sql`create table if not exists ${track} (id serial primary key, hash text not null, toegepast_op timestamptz not null default now())`);
  const statements = logboekStepStatements(schema, stappen);
  const hash = digestOf(statements);
  const [ran] = rowsOf<{ ran: boolean }>(await db.execute(sql`select exists (select 1 from ${track} where hash = ${hash}) as ran`));
  if (ran?.ran) return false;
  await db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement));
    await tx.execute(sql`insert into ${track} (hash) values (${hash})`);
  });
  return true;
}
