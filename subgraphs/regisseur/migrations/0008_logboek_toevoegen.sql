CREATE OR REPLACE FUNCTION "regisseur"."logboek_kop"() RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  kop jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock(2003528802, 2004366745);
  SELECT jsonb_build_object(
           'seq', CASE WHEN l.seq IS NOT NULL AND (s.last_seq IS NULL OR l.seq >= s.last_seq) THEN l.seq ELSE COALESCE(s.last_seq, 0) END,
           'hash', CASE WHEN l.seq IS NOT NULL AND (s.last_seq IS NULL OR l.seq >= s.last_seq) THEN l.hash ELSE COALESCE(s.last_hash, '0000000000000000000000000000000000000000000000000000000000000000') END,
           'segment', COALESCE(s.segment, 0) + 1,
           'auditSeq', CASE WHEN al.seq IS NOT NULL AND (sa.seq IS NULL OR al.seq >= sa.seq) THEN al.seq
                            WHEN sa.seq IS NOT NULL AND sa.hash <> '' THEN sa.seq ELSE 0 END,
           'auditHash', CASE WHEN al.seq IS NOT NULL AND (sa.seq IS NULL OR al.seq >= sa.seq) THEN al.hash
                             WHEN sa.seq IS NOT NULL AND sa.hash <> '' THEN sa.hash ELSE '0000000000000000000000000000000000000000000000000000000000000000' END,
           'tijdstip', (extract(epoch FROM l.tijdstip) * 1000)::bigint)
    INTO kop
    FROM (SELECT 1) AS een
    LEFT JOIN LATERAL (SELECT v.seq, v.hash, v.tijdstip FROM "regisseur"."verwerkingen" v ORDER BY v.seq DESC LIMIT 1) l ON true
    LEFT JOIN LATERAL (SELECT g.segment, g.last_seq, g.last_hash FROM "regisseur"."segmenten" g ORDER BY g.segment DESC LIMIT 1) s ON true
    LEFT JOIN LATERAL (SELECT a.seq, a.hash FROM "regisseur"."audit" a WHERE a.seq IS NOT NULL ORDER BY a.seq DESC LIMIT 1) al ON true
    LEFT JOIN LATERAL (SELECT g.audit_last_seq AS seq, g.audit_last_hash AS hash FROM "regisseur"."segmenten" g
                       WHERE g.audit_last_seq IS NOT NULL ORDER BY g.segment DESC LIMIT 1) sa ON true;
  RETURN kop;
END
$fn$
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "regisseur"."logboek_toevoegen"(verwacht jsonb, rijen json, auditrijen json) RETURNS jsonb
LANGUAGE plpgsql VOLATILE AS $fn$
DECLARE
  kop jsonb := "regisseur"."logboek_kop"();
BEGIN
  IF verwacht IS NULL OR verwacht IS DISTINCT FROM (kop - 'tijdstip') THEN
    RETURN kop;
  END IF;
  INSERT INTO "regisseur"."verwerkingen" ("seq", "trace_id", "span_id", "parent_span_id", "verwerkingsactiviteit_id", "betrokkene", "traject_id", "partij", "organisatie", "velden", "categorieen", "toegestaan", "reden", "grondslag", "doel", "fase", "relatie", "toestemming_id", "doorbreking_id", "tijdstip", "vorige_hash", "hash", "segment") SELECT "seq", "trace_id", "span_id", "parent_span_id", "verwerkingsactiviteit_id", "betrokkene", "traject_id", "partij", "organisatie", "velden", "categorieen", "toegestaan", "reden", "grondslag", "doel", "fase", "relatie", "toestemming_id", "doorbreking_id", "tijdstip", "vorige_hash", "hash", "segment" FROM json_to_recordset(rijen) AS x("seq" bigint, "trace_id" text, "span_id" text, "parent_span_id" text, "verwerkingsactiviteit_id" text, "betrokkene" text, "traject_id" text, "partij" text, "organisatie" text, "velden" text[], "categorieen" text[], "toegestaan" boolean, "reden" text, "grondslag" text, "doel" text, "fase" text, "relatie" text, "toestemming_id" text, "doorbreking_id" text, "tijdstip" timestamp (3) with time zone, "vorige_hash" text, "hash" text, "segment" integer);
  INSERT INTO "regisseur"."audit" ("trace_id", "span_id", "sub", "partij", "organisatie", "rol", "azp", "acr", "operation_name", "tijdstip", "segment", "seq", "vorige_hash", "hash") SELECT "trace_id", "span_id", "sub", "partij", "organisatie", "rol", "azp", "acr", "operation_name", "tijdstip", "segment", "seq", "vorige_hash", "hash" FROM json_to_recordset(auditrijen) AS x("trace_id" text, "span_id" text, "sub" text, "partij" text, "organisatie" text, "rol" text, "azp" text, "acr" text, "operation_name" text, "tijdstip" timestamp (3) with time zone, "segment" integer, "seq" bigint, "vorige_hash" text, "hash" text);
  RETURN NULL;
END
$fn$
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "regisseur"."logboek_segmenten_open"() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  gesloten integer;
BEGIN
  SELECT min(n.segment) INTO gesloten FROM nieuw n
   WHERE n.segment <= (SELECT COALESCE(max(g.segment), 0) FROM "regisseur"."segmenten" g);
  IF gesloten IS NOT NULL THEN
    RAISE EXCEPTION 'logboek is append-only: segment % of %.% is sealed', gesloten, TG_TABLE_SCHEMA, TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END
$fn$
--> statement-breakpoint
DROP TRIGGER IF EXISTS "verwerkingen_segment_open" ON "regisseur"."verwerkingen"
--> statement-breakpoint
CREATE TRIGGER "verwerkingen_segment_open" AFTER INSERT ON "regisseur"."verwerkingen"
  REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION "regisseur"."logboek_segmenten_open"()
--> statement-breakpoint
DROP TRIGGER IF EXISTS "audit_segment_open" ON "regisseur"."audit"
--> statement-breakpoint
CREATE TRIGGER "audit_segment_open" AFTER INSERT ON "regisseur"."audit"
  REFERENCING NEW TABLE AS nieuw FOR EACH STATEMENT EXECUTE FUNCTION "regisseur"."logboek_segmenten_open"()
--> statement-breakpoint
DROP FUNCTION IF EXISTS "regisseur"."logboek_segment_open"()
