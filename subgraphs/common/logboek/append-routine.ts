/**
 * The log's append as one statement. A batch used to cost five round trips while the log's lock
 * was held (begin, lock, head, insert, commit); the SQL of the regisseur's view was mostly that.
 * Two routines in the subgraph's schema (the log's step `toevoegen`, `migrations.ts`) do it in one:
 *
 * - `logboek_kop()` takes the log's lock and returns the chain's heads as JSON — the last seq and
 *   hash (or, when retention dropped every row, the newest seal's), the open segment, the audit
 *   chain's last seq and hash, and the newest row's time. Each statement of a VOLATILE function takes
 *   a fresh snapshot, so the head is read after the lock: what the previous holder committed.
 * - `logboek_toevoegen(verwacht, rijen, auditrijen)` inserts the rows (JSON arrays, unpacked by
 *   `json_to_recordset`) only when the heads it finds under the lock are `verwacht`, the heads the
 *   writer linked them to, and returns NULL; otherwise it inserts nothing and returns the heads it
 *   found. A writer that guesses its own last head right (nobody else wrote) appends in one
 *   statement; one that guessed wrong knows the head, read under the lock, and links again.
 *
 * The chain's hashes stay in JavaScript (`chain.ts`), where `verify-log` recomputes them: the
 * routine compares and inserts, it never computes a link.
 *
 * The same step checks once per statement, not once per row, that new rows go to the open
 * segment: the append-only step's row trigger ran a query for each of a batch's rows (about
 * 130 per regisseur view). An AFTER STATEMENT trigger sees the statement's rows as a transition
 * table and refuses the whole statement if any of them lies in a sealed segment — the same rule.
 */
import { getTableColumns } from 'drizzle-orm';
import { pgSchema, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { APPEND_ONLY_MESSAGE, STATEMENT_BREAKPOINT, triggerSql } from './append-only.js';
import { GENESIS_HASH } from './chain.js';
import { quoteIdent } from './identifier.js';
import { LOCK_NAMESPACE, lockKey } from './lock.js';
import { logboekTables } from './tables.js';

/** The columns a writer supplies (all but the identity), in the table's order. */
export function insertColumns(table: PgTable): [key: string, column: PgColumn][] {
  return Object.entries(getTableColumns(table)).filter(([, c]) => !c.generatedIdentity) as [string, PgColumn][];
}

/**
 * `insert into <table> (<columns>) select <columns> from json_to_recordset(<json>) as x(<column type>, …)`:
 * `json`, not `jsonb`, since the text is read once, straight into the rows (jsonb would first build
 * its binary form of a batch's tens of kilobytes).
 */
function insertFromJson(qualified: string, table: PgTable, json: string): string {
  const columns = insertColumns(table);
  const names = columns.map(([, c]) => quoteIdent(c.name)).join(', ');
  const types = columns.map(([, c]) => `${quoteIdent(c.name)} ${c.getSQLType()}`).join(', ');
  return `INSERT INTO ${qualified} (${names}) SELECT ${names} FROM json_to_recordset(${json}) AS x(${types})`;
}

/** The two routines and the per-statement segment check for the log in `schemaName`. */
export function appendRoutineSql(schemaName: string): string {
  const s = quoteIdent(schemaName);
  const tables = logboekTables(pgSchema(schemaName));
  const genesis = `'${GENESIS_HASH}'`;
  const kop = `
CREATE OR REPLACE FUNCTION ${s}."logboek_kop"() RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  kop jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${lockKey(schemaName)});
  SELECT jsonb_build_object(
           'seq', CASE WHEN l.seq IS NOT NULL AND (s.last_seq IS NULL OR l.seq >= s.last_seq) THEN l.seq ELSE COALESCE(s.last_seq, 0) END,
           'hash', CASE WHEN l.seq IS NOT NULL AND (s.last_seq IS NULL OR l.seq >= s.last_seq) THEN l.hash ELSE COALESCE(s.last_hash, ${genesis}) END,
           'segment', COALESCE(s.segment, 0) + 1,
           'auditSeq', CASE WHEN al.seq IS NOT NULL AND (sa.seq IS NULL OR al.seq >= sa.seq) THEN al.seq
                            WHEN sa.seq IS NOT NULL AND sa.hash <> '' THEN sa.seq ELSE 0 END,
           'auditHash', CASE WHEN al.seq IS NOT NULL AND (sa.seq IS NULL OR al.seq >= sa.seq) THEN al.hash
                             WHEN sa.seq IS NOT NULL AND sa.hash <> '' THEN sa.hash ELSE ${genesis} END,
           'tijdstip', (extract(epoch FROM l.tijdstip) * 1000)::bigint)
    INTO kop
    FROM (SELECT 1) AS een
    LEFT JOIN LATERAL (SELECT v.seq, v.hash, v.tijdstip FROM ${s}."verwerkingen" v ORDER BY v.seq DESC LIMIT 1) l ON true
    LEFT JOIN LATERAL (SELECT g.segment, g.last_seq, g.last_hash FROM ${s}."segmenten" g ORDER BY g.segment DESC LIMIT 1) s ON true
    LEFT JOIN LATERAL (SELECT a.seq, a.hash FROM ${s}."audit" a WHERE a.seq IS NOT NULL ORDER BY a.seq DESC LIMIT 1) al ON true
    LEFT JOIN LATERAL (SELECT g.audit_last_seq AS seq, g.audit_last_hash AS hash FROM ${s}."segmenten" g
                       WHERE g.audit_last_seq IS NOT NULL ORDER BY g.segment DESC LIMIT 1) sa ON true;
  RETURN kop;
END
$fn$`;
  const toevoegen = `
CREATE OR REPLACE FUNCTION ${s}."logboek_toevoegen"(verwacht jsonb, rijen json, auditrijen json) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  kop jsonb := ${s}."logboek_kop"();
BEGIN
  IF verwacht IS NULL OR verwacht IS DISTINCT FROM (kop - 'tijdstip') THEN
    RETURN kop;
  END IF;
  ${insertFromJson(`${s}."verwerkingen"`, tables.verwerkingen, 'rijen')};
  ${insertFromJson(`${s}."audit"`, tables.audit, 'auditrijen')};
  RETURN NULL;
END
$fn$`;
  const segmentOpen = `
CREATE OR REPLACE FUNCTION ${s}."logboek_segmenten_open"() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  gesloten integer;
BEGIN
  SELECT min(n.segment) INTO gesloten FROM nieuw n
   WHERE n.segment <= (SELECT COALESCE(max(g.segment), 0) FROM ${s}."segmenten" g);
  IF gesloten IS NOT NULL THEN
    RAISE EXCEPTION '${APPEND_ONLY_MESSAGE}: segment % of %.% is sealed', gesloten, TG_TABLE_SCHEMA, TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END
$fn$`;
  const perStatement = ['verwerkingen', 'audit'].flatMap((table) =>
    triggerSql(s, table, `${table}_segment_open`, `AFTER INSERT ON {table}
  REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION ${s}."logboek_segmenten_open"()`),
  );
  // The row trigger's function, now unused.
  const dropPerRow = `DROP FUNCTION IF EXISTS ${s}."logboek_segment_open"()`;
  return [kop, toevoegen, segmentOpen, ...perStatement, dropPerRow].map((x) => x.trim()).join(`\n${STATEMENT_BREAKPOINT}\n`) + '\n';
}
