CREATE SCHEMA "corporatie";
--> statement-breakpoint
CREATE TABLE "corporatie"."audit" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "corporatie"."audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"trace_id" text NOT NULL,
	"span_id" text NOT NULL,
	"sub" text NOT NULL,
	"partij" text NOT NULL,
	"organisatie" text NOT NULL,
	"rol" text,
	"operation_name" text,
	"tijdstip" timestamp (3) with time zone NOT NULL,
	"segment" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "corporatie"."evaluaties" (
	"id" text PRIMARY KEY NOT NULL,
	"traject_id" text NOT NULL,
	"door" text NOT NULL,
	"datum" date NOT NULL,
	"soort" text NOT NULL,
	"bevindingen" text NOT NULL,
	"zelfstandig_wonend" boolean
);
--> statement-breakpoint
CREATE TABLE "corporatie"."huurovereenkomsten" (
	"traject_id" text PRIMARY KEY NOT NULL,
	"corporatie" text NOT NULL,
	"zorgaanbieder" text NOT NULL,
	"contractvorm" text NOT NULL,
	"drie_partijen_overeenkomst" boolean NOT NULL,
	"adres_woning" text NOT NULL,
	"ingangsdatum" date NOT NULL,
	"kale_huur_cent" integer NOT NULL,
	"borg_cent" integer NOT NULL,
	"getekend_op" timestamp with time zone NOT NULL,
	"beeindigd_op" date,
	"beeindiging" text
);
--> statement-breakpoint
CREATE TABLE "corporatie"."segmenten" (
	"segment" integer PRIMARY KEY NOT NULL,
	"first_seq" bigint NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"sealed_at" timestamp (3) with time zone NOT NULL,
	"dropped_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "corporatie"."verwerkingen" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "corporatie"."verwerkingen_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"seq" bigint NOT NULL,
	"trace_id" text NOT NULL,
	"span_id" text NOT NULL,
	"parent_span_id" text,
	"verwerkingsactiviteit_id" text NOT NULL,
	"betrokkene" text,
	"traject_id" text,
	"partij" text NOT NULL,
	"organisatie" text NOT NULL,
	"velden" text[] NOT NULL,
	"categorieen" text[] NOT NULL,
	"toegestaan" boolean NOT NULL,
	"reden" text,
	"grondslag" text NOT NULL,
	"doel" text NOT NULL,
	"fase" text,
	"relatie" text,
	"toestemming_id" text,
	"doorbreking_id" text,
	"tijdstip" timestamp (3) with time zone NOT NULL,
	"vorige_hash" text NOT NULL,
	"hash" text NOT NULL,
	"segment" integer NOT NULL,
	CONSTRAINT "verwerkingen_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "corporatie"."woningaanbiedingen" (
	"id" text PRIMARY KEY NOT NULL,
	"traject_id" text NOT NULL,
	"corporatie" text NOT NULL,
	"omschrijving" text NOT NULL,
	"kern_huurprijs_cent" integer NOT NULL,
	"beschikbaar_per" date,
	"aangeboden_op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_trace_idx" ON "corporatie"."audit" USING btree ("trace_id","span_id");--> statement-breakpoint
CREATE INDEX "audit_segment_idx" ON "corporatie"."audit" USING btree ("segment");--> statement-breakpoint
CREATE INDEX "evaluaties_traject_idx" ON "corporatie"."evaluaties" USING btree ("traject_id");--> statement-breakpoint
CREATE INDEX "verwerkingen_traject_seq_idx" ON "corporatie"."verwerkingen" USING btree ("traject_id","seq");--> statement-breakpoint
CREATE INDEX "verwerkingen_betrokkene_seq_idx" ON "corporatie"."verwerkingen" USING btree ("betrokkene","seq");--> statement-breakpoint
CREATE INDEX "verwerkingen_tijdstip_idx" ON "corporatie"."verwerkingen" USING btree ("tijdstip");--> statement-breakpoint
CREATE INDEX "verwerkingen_trace_idx" ON "corporatie"."verwerkingen" USING btree ("trace_id","span_id");--> statement-breakpoint
CREATE INDEX "verwerkingen_segment_seq_idx" ON "corporatie"."verwerkingen" USING btree ("segment","seq");--> statement-breakpoint
CREATE INDEX "woningaanbiedingen_traject_idx" ON "corporatie"."woningaanbiedingen" USING btree ("traject_id");