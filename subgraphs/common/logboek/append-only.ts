/**
 * The database itself refuses to change the log: triggers reject UPDATE, DELETE and TRUNCATE on
 * `verwerkingen` and `audit`, whatever the application does. The one exception is retention:
 * `<schema>.drop_segment(n)` (SECURITY DEFINER, EXECUTE revoked from PUBLIC) first marks a sealed
 * segment as dropped in `segmenten` — permanently, since that table only accepts that one change —
 * then, with the transaction-local setting `woonkans.logboek_retentie = on`, deletes that
 * segment's rows. The trigger lets a DELETE through only when that setting is on AND the row's
 * segment is marked dropped, so the setting alone (which any session can set) deletes nothing
 * that the retention procedure has not recorded, and never rows of an open or kept segment.
 *
 * Triggers stop mistakes and application bugs; they do not stop the table owner, who can disable
 * them. In production the application therefore connects as a role that does not own the tables
 * and holds only INSERT and SELECT on them: see `privilegesSql`.
 *
 * A step of the log's own migrations (`migrations.ts`), after the subgraph's migrations created the
 * tables. Every statement can run again on a log that has it already (`CREATE OR REPLACE`, a trigger
 * dropped before it is created, a constraint added only when absent): a database migrated by an
 * earlier release, whose copies of these steps lay in each subgraph's own migrations, takes the
 * steps once more and ends exactly where a fresh one does. Works on PostgreSQL and PGlite.
 */
import { quoteIdent } from './identifier.js';
import { LOCK_NAMESPACE, lockKey } from './lock.js';

/** The statement separator drizzle's migrator splits on. */
export const STATEMENT_BREAKPOINT = '--> statement-breakpoint';

/** The transaction-local setting by which `drop_segment` tells the trigger a DELETE is retention. */
export const RETENTION_SETTING = 'woonkans.logboek_retentie';

/** The message (prefix) with which the database refuses a change of the log. */
export const APPEND_ONLY_MESSAGE = 'logboek is append-only';

function join(statements: readonly string[]): string {
  return statements.map((s) => s.trim()).join(`\n${STATEMENT_BREAKPOINT}\n`) + '\n';
}

/**
 * `CREATE TRIGGER` that may run again: dropped first, so a rerun also replaces a trigger of another
 * kind by the same name (a later step turned a row trigger into a statement trigger with a
 * transition table, which `CREATE OR REPLACE TRIGGER` refuses). `{table}` in `definition` is the table.
 */
export function triggerSql(quotedSchema: string, table: string, name: string, definition: string): string[] {
  const on = `${quotedSchema}.${quoteIdent(table)}`;
  return [`DROP TRIGGER IF EXISTS ${quoteIdent(name)} ON ${on}`, `CREATE TRIGGER ${quoteIdent(name)} ${definition.replace('{table}', on)}`];
}

/** `ADD CONSTRAINT` that may run again: PostgreSQL has no `ADD CONSTRAINT IF NOT EXISTS`. */
function constraintSql(schemaName: string, table: string, name: string, addStatement: string): string {
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  return `
DO $do$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE n.nspname = ${literal(schemaName)} AND t.relname = ${literal(table)} AND c.conname = ${literal(name)}) THEN
    ${addStatement.trim()};
  END IF;
END
$do$`;
}

/** The append-only triggers and the retention procedure for the log tables in `schemaName`. */
export function appendOnlySql(schemaName: string): string {
  const s = quoteIdent(schemaName);
  const lock = `${LOCK_NAMESPACE}, ${lockKey(schemaName)}`;
  return join([
    // Refuses UPDATE, DELETE and TRUNCATE, except a DELETE by the retention procedure.
    `
CREATE OR REPLACE FUNCTION ${s}."logboek_alleen_toevoegen"() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF current_setting('${RETENTION_SETTING}', true) = 'on'
       AND EXISTS (SELECT 1 FROM ${s}."segmenten" g WHERE g.segment = OLD.segment AND g.dropped_at IS NOT NULL) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION '${APPEND_ONLY_MESSAGE}: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Log rows are never changed; retention drops whole sealed segments with drop_segment(n).';
END
$fn$`,
    // New rows may only go into the open segment, never into a sealed (or dropped) one.
    `
CREATE OR REPLACE FUNCTION ${s}."logboek_segment_open"() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM ${s}."segmenten" g WHERE g.segment >= NEW.segment) THEN
    RAISE EXCEPTION '${APPEND_ONLY_MESSAGE}: segment % of %.% is sealed', NEW.segment, TG_TABLE_SCHEMA, TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$fn$`,
    // Segments: sealed once (consistent with the chain), marked dropped once, never changed otherwise.
    `
CREATE OR REPLACE FUNCTION ${s}."logboek_segmenten_bewaken"() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  bounds record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT min(v.seq) AS first_seq, max(v.seq) AS last_seq INTO bounds
      FROM ${s}."verwerkingen" v WHERE v.segment = NEW.segment;
    IF NEW.dropped_at IS NOT NULL
       OR NEW.segment <> COALESCE((SELECT max(g.segment) FROM ${s}."segmenten" g), 0) + 1
       OR bounds.first_seq IS DISTINCT FROM NEW.first_seq
       OR bounds.last_seq IS DISTINCT FROM NEW.last_seq
       OR NOT EXISTS (SELECT 1 FROM ${s}."verwerkingen" v
                      WHERE v.seq = NEW.last_seq AND v.hash = NEW.last_hash AND v.segment = NEW.segment) THEN
      RAISE EXCEPTION '${APPEND_ONLY_MESSAGE}: seal of segment % does not match the chain in %', NEW.segment, TG_TABLE_SCHEMA
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE'
     AND current_setting('${RETENTION_SETTING}', true) = 'on'
     AND OLD.dropped_at IS NULL AND NEW.dropped_at IS NOT NULL
     AND NEW.segment = OLD.segment AND NEW.first_seq = OLD.first_seq AND NEW.last_seq = OLD.last_seq
     AND NEW.last_hash = OLD.last_hash AND NEW.sealed_at = OLD.sealed_at THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '${APPEND_ONLY_MESSAGE}: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$fn$`,
    ...['verwerkingen', 'audit'].flatMap((table) => [
      ...triggerSql(s, table, `${table}_alleen_toevoegen`, `BEFORE UPDATE OR DELETE ON {table}
  FOR EACH ROW EXECUTE FUNCTION ${s}."logboek_alleen_toevoegen"()`),
      ...triggerSql(s, table, `${table}_niet_leegmaken`, `BEFORE TRUNCATE ON {table}
  FOR EACH STATEMENT EXECUTE FUNCTION ${s}."logboek_alleen_toevoegen"()`),
      ...triggerSql(s, table, `${table}_segment_open`, `BEFORE INSERT ON {table}
  FOR EACH ROW EXECUTE FUNCTION ${s}."logboek_segment_open"()`),
    ]),
    ...triggerSql(s, 'segmenten', 'segmenten_bewaken', `BEFORE INSERT OR UPDATE OR DELETE ON {table}
  FOR EACH ROW EXECUTE FUNCTION ${s}."logboek_segmenten_bewaken"()`),
    ...triggerSql(s, 'segmenten', 'segmenten_niet_leegmaken', `BEFORE TRUNCATE ON {table}
  FOR EACH STATEMENT EXECUTE FUNCTION ${s}."logboek_segmenten_bewaken"()`),
    // Retention: drops one sealed segment (oldest first), keeps its seal and last digest.
    `
CREATE OR REPLACE FUNCTION ${s}."drop_segment"(n integer, OUT verwijderde_verwerkingen bigint, OUT verwijderde_audit bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  seg record;
BEGIN
  PERFORM pg_advisory_xact_lock(${lock});
  SELECT g.segment, g.dropped_at INTO seg FROM ${s}."segmenten" g WHERE g.segment = n;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'logboek retention: segment % of % is not sealed', n, '${schemaName}';
  END IF;
  verwijderde_verwerkingen := 0;
  verwijderde_audit := 0;
  IF seg.dropped_at IS NOT NULL THEN
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM ${s}."segmenten" g WHERE g.segment < n AND g.dropped_at IS NULL) THEN
    RAISE EXCEPTION 'logboek retention: older segments of % must be dropped before segment %', '${schemaName}', n;
  END IF;
  PERFORM set_config('${RETENTION_SETTING}', 'on', true);
  UPDATE ${s}."segmenten" SET dropped_at = now() WHERE segment = n;
  DELETE FROM ${s}."verwerkingen" WHERE segment = n;
  GET DIAGNOSTICS verwijderde_verwerkingen = ROW_COUNT;
  DELETE FROM ${s}."audit" WHERE segment = n;
  GET DIAGNOSTICS verwijderde_audit = ROW_COUNT;
  PERFORM set_config('${RETENTION_SETTING}', 'off', true);
END
$fn$`,
    `REVOKE ALL ON FUNCTION ${s}."drop_segment"(integer) FROM PUBLIC`,
  ]);
}

/**
 * Production privileges, kept apart because role names differ per deployment: the application
 * role may only INSERT and SELECT the log (it seals segments, which is an INSERT), never UPDATE,
 * DELETE, TRUNCATE or run the retention procedure; an optional retention role may only run
 * `drop_segment` and read the segments. Run as the tables' owner; the application role must not
 * own the tables (an owner can disable triggers).
 */
export function privilegesSql(schemaName: string, appRole: string, options: { retentionRole?: string } = {}): string {
  const s = quoteIdent(schemaName);
  const app = quoteIdent(appRole);
  const tables = ['verwerkingen', 'audit', 'segmenten'].map((t) => `${s}."${t}"`).join(', ');
  const statements = [
    `REVOKE ALL ON TABLE ${tables} FROM PUBLIC`,
    `REVOKE ALL ON TABLE ${tables} FROM ${app}`,
    `GRANT USAGE ON SCHEMA ${s} TO ${app}`,
    `GRANT SELECT, INSERT ON TABLE ${tables} TO ${app}`,
    // The writer appends through the log's routines (`append-routine.ts`), which run with the caller's rights.
    `GRANT EXECUTE ON FUNCTION ${s}."logboek_kop"(), ${s}."logboek_toevoegen"(jsonb, json, json) TO ${app}`,
    `REVOKE ALL ON FUNCTION ${s}."drop_segment"(integer) FROM PUBLIC`,
    `REVOKE ALL ON FUNCTION ${s}."drop_segment"(integer) FROM ${app}`,
  ];
  if (options.retentionRole) {
    const ret = quoteIdent(options.retentionRole);
    statements.push(
      `GRANT USAGE ON SCHEMA ${s} TO ${ret}`,
      `GRANT SELECT ON TABLE ${s}."segmenten" TO ${ret}`,
      `GRANT EXECUTE ON FUNCTION ${s}."drop_segment"(integer) TO ${ret}`,
    );
  }
  return join(statements);
}

/**
 * The audit chain's guarantees (the log's step `audit_keten_bewaking`, after the subgraph's generated
 * migration that adds `audit.seq`/`vorige_hash`/`hash` and the seals' `audit_*` columns):
 *
 * - `audit_keten_volledig`: a row carries all three chain columns or none;
 * - `audit_geketend`: only rows that existed when this step first ran (id up to the then largest id)
 *   may lack them, so every row written since is chained — old rows are kept as they were, never
 *   chained after the fact (that would vouch for rows nobody protected), and `verify-log` counts
 *   them as unverifiable;
 * - the seal trigger now also requires a seal's audit bounds and last audit digest to match the
 *   audit chain of that segment (both null when the segment has no chained audit row), and lets
 *   retention's drop change nothing of them.
 */
export function auditKetenSql(schemaName: string): string {
  const s = quoteIdent(schemaName);
  const literal = `'${schemaName.replace(/'/g, "''")}'`;
  return join([
    constraintSql(schemaName, 'audit', 'audit_keten_volledig', `ALTER TABLE ${s}."audit" ADD CONSTRAINT "audit_keten_volledig"
      CHECK ((seq IS NULL) = (hash IS NULL) AND (hash IS NULL) = (vorige_hash IS NULL))`),
    // The bound is the table's largest id when the step first runs; on a later run it stays as it was.
    constraintSql(schemaName, 'audit', 'audit_geketend', `EXECUTE format('ALTER TABLE %I."audit" ADD CONSTRAINT "audit_geketend" CHECK (seq IS NOT NULL OR id <= %s)',
                   ${literal}, (SELECT COALESCE(max(a.id), 0) FROM ${s}."audit" a))`),
    `
CREATE OR REPLACE FUNCTION ${s}."logboek_segmenten_bewaken"() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  bounds record;
  abounds record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT min(v.seq) AS first_seq, max(v.seq) AS last_seq INTO bounds
      FROM ${s}."verwerkingen" v WHERE v.segment = NEW.segment;
    SELECT min(a.seq) AS first_seq, max(a.seq) AS last_seq INTO abounds
      FROM ${s}."audit" a WHERE a.segment = NEW.segment AND a.seq IS NOT NULL;
    IF NEW.dropped_at IS NOT NULL
       OR NEW.segment <> COALESCE((SELECT max(g.segment) FROM ${s}."segmenten" g), 0) + 1
       OR bounds.first_seq IS DISTINCT FROM NEW.first_seq
       OR bounds.last_seq IS DISTINCT FROM NEW.last_seq
       OR NOT EXISTS (SELECT 1 FROM ${s}."verwerkingen" v
                      WHERE v.seq = NEW.last_seq AND v.hash = NEW.last_hash AND v.segment = NEW.segment)
       OR abounds.first_seq IS DISTINCT FROM NEW.audit_first_seq
       OR abounds.last_seq IS DISTINCT FROM NEW.audit_last_seq
       OR (NEW.audit_last_seq IS NULL AND NEW.audit_last_hash IS NOT NULL)
       OR (NEW.audit_last_seq IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${s}."audit" a
                      WHERE a.seq = NEW.audit_last_seq AND a.hash = NEW.audit_last_hash AND a.segment = NEW.segment)) THEN
      RAISE EXCEPTION '${APPEND_ONLY_MESSAGE}: seal of segment % does not match the chain in %', NEW.segment, TG_TABLE_SCHEMA
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE'
     AND current_setting('${RETENTION_SETTING}', true) = 'on'
     AND OLD.dropped_at IS NULL AND NEW.dropped_at IS NOT NULL
     AND NEW.segment = OLD.segment AND NEW.first_seq = OLD.first_seq AND NEW.last_seq = OLD.last_seq
     AND NEW.last_hash = OLD.last_hash AND NEW.sealed_at = OLD.sealed_at
     AND NEW.audit_first_seq IS NOT DISTINCT FROM OLD.audit_first_seq
     AND NEW.audit_last_seq IS NOT DISTINCT FROM OLD.audit_last_seq
     AND NEW.audit_last_hash IS NOT DISTINCT FROM OLD.audit_last_hash THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '${APPEND_ONLY_MESSAGE}: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$fn$`,
  ]);
}
