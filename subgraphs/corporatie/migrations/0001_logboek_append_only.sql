CREATE OR REPLACE FUNCTION "corporatie"."logboek_alleen_toevoegen"() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF current_setting('woonkans.logboek_retentie', true) = 'on'
       AND EXISTS (SELECT 1 FROM "corporatie"."segmenten" g WHERE g.segment = OLD.segment AND g.dropped_at IS NOT NULL) THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'logboek is append-only: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Log rows are never changed; retention drops whole sealed segments with drop_segment(n).';
END
$fn$
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "corporatie"."logboek_segment_open"() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  IF EXISTS (SELECT 1 FROM "corporatie"."segmenten" g WHERE g.segment >= NEW.segment) THEN
    RAISE EXCEPTION 'logboek is append-only: segment % of %.% is sealed', NEW.segment, TG_TABLE_SCHEMA, TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$fn$
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "corporatie"."logboek_segmenten_bewaken"() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  bounds record;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT min(v.seq) AS first_seq, max(v.seq) AS last_seq INTO bounds
      FROM "corporatie"."verwerkingen" v WHERE v.segment = NEW.segment;
    IF NEW.dropped_at IS NOT NULL
       OR NEW.segment <> COALESCE((SELECT max(g.segment) FROM "corporatie"."segmenten" g), 0) + 1
       OR bounds.first_seq IS DISTINCT FROM NEW.first_seq
       OR bounds.last_seq IS DISTINCT FROM NEW.last_seq
       OR NOT EXISTS (SELECT 1 FROM "corporatie"."verwerkingen" v
                      WHERE v.seq = NEW.last_seq AND v.hash = NEW.last_hash AND v.segment = NEW.segment) THEN
      RAISE EXCEPTION 'logboek is append-only: seal of segment % does not match the chain in %', NEW.segment, TG_TABLE_SCHEMA
        USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE'
     AND current_setting('woonkans.logboek_retentie', true) = 'on'
     AND OLD.dropped_at IS NULL AND NEW.dropped_at IS NOT NULL
     AND NEW.segment = OLD.segment AND NEW.first_seq = OLD.first_seq AND NEW.last_seq = OLD.last_seq
     AND NEW.last_hash = OLD.last_hash AND NEW.sealed_at = OLD.sealed_at THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'logboek is append-only: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$fn$
--> statement-breakpoint
CREATE TRIGGER "verwerkingen_alleen_toevoegen" BEFORE UPDATE OR DELETE ON "corporatie"."verwerkingen"
  FOR EACH ROW EXECUTE FUNCTION "corporatie"."logboek_alleen_toevoegen"()
--> statement-breakpoint
CREATE TRIGGER "verwerkingen_niet_leegmaken" BEFORE TRUNCATE ON "corporatie"."verwerkingen"
  FOR EACH STATEMENT EXECUTE FUNCTION "corporatie"."logboek_alleen_toevoegen"()
--> statement-breakpoint
CREATE TRIGGER "verwerkingen_segment_open" BEFORE INSERT ON "corporatie"."verwerkingen"
  FOR EACH ROW EXECUTE FUNCTION "corporatie"."logboek_segment_open"()
--> statement-breakpoint
CREATE TRIGGER "audit_alleen_toevoegen" BEFORE UPDATE OR DELETE ON "corporatie"."audit"
  FOR EACH ROW EXECUTE FUNCTION "corporatie"."logboek_alleen_toevoegen"()
--> statement-breakpoint
CREATE TRIGGER "audit_niet_leegmaken" BEFORE TRUNCATE ON "corporatie"."audit"
  FOR EACH STATEMENT EXECUTE FUNCTION "corporatie"."logboek_alleen_toevoegen"()
--> statement-breakpoint
CREATE TRIGGER "audit_segment_open" BEFORE INSERT ON "corporatie"."audit"
  FOR EACH ROW EXECUTE FUNCTION "corporatie"."logboek_segment_open"()
--> statement-breakpoint
CREATE TRIGGER "segmenten_bewaken" BEFORE INSERT OR UPDATE OR DELETE ON "corporatie"."segmenten"
  FOR EACH ROW EXECUTE FUNCTION "corporatie"."logboek_segmenten_bewaken"()
--> statement-breakpoint
CREATE TRIGGER "segmenten_niet_leegmaken" BEFORE TRUNCATE ON "corporatie"."segmenten"
  FOR EACH STATEMENT EXECUTE FUNCTION "corporatie"."logboek_segmenten_bewaken"()
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "corporatie"."drop_segment"(n integer, OUT verwijderde_verwerkingen bigint, OUT verwijderde_audit bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
DECLARE
  seg record;
BEGIN
  PERFORM pg_advisory_xact_lock(2003528802, -1309295679);
  SELECT g.segment, g.dropped_at INTO seg FROM "corporatie"."segmenten" g WHERE g.segment = n;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'logboek retention: segment % of % is not sealed', n, 'corporatie';
  END IF;
  verwijderde_verwerkingen := 0;
  verwijderde_audit := 0;
  IF seg.dropped_at IS NOT NULL THEN
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM "corporatie"."segmenten" g WHERE g.segment < n AND g.dropped_at IS NULL) THEN
    RAISE EXCEPTION 'logboek retention: older segments of % must be dropped before segment %', 'corporatie', n;
  END IF;
  PERFORM set_config('woonkans.logboek_retentie', 'on', true);
  UPDATE "corporatie"."segmenten" SET dropped_at = now() WHERE segment = n;
  DELETE FROM "corporatie"."verwerkingen" WHERE segment = n;
  GET DIAGNOSTICS verwijderde_verwerkingen = ROW_COUNT;
  DELETE FROM "corporatie"."audit" WHERE segment = n;
  GET DIAGNOSTICS verwijderde_audit = ROW_COUNT;
  PERFORM set_config('woonkans.logboek_retentie', 'off', true);
END
$fn$
--> statement-breakpoint
REVOKE ALL ON FUNCTION "corporatie"."drop_segment"(integer) FROM PUBLIC
