ALTER TABLE "regisseur"."audit" ADD CONSTRAINT "audit_keten_volledig"
  CHECK ((seq IS NULL) = (hash IS NULL) AND (hash IS NULL) = (vorige_hash IS NULL))
--> statement-breakpoint
DO $do$
BEGIN
  EXECUTE format('ALTER TABLE %I."audit" ADD CONSTRAINT "audit_geketend" CHECK (seq IS NOT NULL OR id <= %s)',
                 'regisseur', (SELECT COALESCE(max(a.id), 0) FROM "regisseur"."audit" a));
END
$do$
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "regisseur"."logboek_segmenten_bewaken"() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  bounds record;
  abounds record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT min(v.seq) AS first_seq, max(v.seq) AS last_seq INTO bounds
      FROM "regisseur"."verwerkingen" v WHERE v.segment = NEW.segment;
    SELECT min(a.seq) AS first_seq, max(a.seq) AS last_seq INTO abounds
      FROM "regisseur"."audit" a WHERE a.segment = NEW.segment AND a.seq IS NOT NULL;
    IF NEW.dropped_at IS NOT NULL
       OR NEW.segment <> COALESCE((SELECT max(g.segment) FROM "regisseur"."segmenten" g), 0) + 1
       OR bounds.first_seq IS DISTINCT FROM NEW.first_seq
       OR bounds.last_seq IS DISTINCT FROM NEW.last_seq
       OR NOT EXISTS (SELECT 1 FROM "regisseur"."verwerkingen" v
                      WHERE v.seq = NEW.last_seq AND v.hash = NEW.last_hash AND v.segment = NEW.segment)
       OR abounds.first_seq IS DISTINCT FROM NEW.audit_first_seq
       OR abounds.last_seq IS DISTINCT FROM NEW.audit_last_seq
       OR (NEW.audit_last_seq IS NULL AND NEW.audit_last_hash IS NOT NULL)
       OR (NEW.audit_last_seq IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "regisseur"."audit" a
                      WHERE a.seq = NEW.audit_last_seq AND a.hash = NEW.audit_last_hash AND a.segment = NEW.segment)) THEN
      RAISE EXCEPTION 'logboek is append-only: seal of segment % does not match the chain in %', NEW.segment, TG_TABLE_SCHEMA
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE'
     AND current_setting('woonkans.logboek_retentie', true) = 'on'
     AND OLD.dropped_at IS NULL AND NEW.dropped_at IS NOT NULL
     AND NEW.segment = OLD.segment AND NEW.first_seq = OLD.first_seq AND NEW.last_seq = OLD.last_seq
     AND NEW.last_hash = OLD.last_hash AND NEW.sealed_at = OLD.sealed_at
     AND NEW.audit_first_seq IS NOT DISTINCT FROM OLD.audit_first_seq
     AND NEW.audit_last_seq IS NOT DISTINCT FROM OLD.audit_last_seq
     AND NEW.audit_last_hash IS NOT DISTINCT FROM OLD.audit_last_hash THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'logboek is append-only: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$fn$
