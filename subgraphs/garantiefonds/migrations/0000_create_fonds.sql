CREATE SCHEMA "garantiefonds";
--> statement-breakpoint
CREATE TABLE "garantiefonds"."aanvragen" (
	"id" text PRIMARY KEY NOT NULL,
	"traject_id" text NOT NULL,
	"traject_code" text NOT NULL,
	"corporatie" text NOT NULL,
	"formulier" jsonb NOT NULL,
	"bedrag_cent" bigint NOT NULL,
	"status" text NOT NULL,
	"ingediend_op" timestamp with time zone NOT NULL,
	"besluit_op" timestamp with time zone,
	"besluit_door" text,
	"motivering" text,
	"uitzondering" boolean DEFAULT false NOT NULL,
	"nalatigheid" text
);
--> statement-breakpoint
CREATE TABLE "garantiefonds"."audit" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "garantiefonds"."audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
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
CREATE TABLE "garantiefonds"."bijdragen" (
	"id" text PRIMARY KEY NOT NULL,
	"ronde" bigint NOT NULL,
	"deelnemer" text NOT NULL,
	"bedrag_cent" bigint NOT NULL,
	"gevraagd_op" timestamp with time zone NOT NULL,
	"betaald_op" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "garantiefonds"."deelnemers" (
	"id" text PRIMARY KEY NOT NULL,
	"soort" text NOT NULL,
	"slug" text NOT NULL,
	"gewicht" bigint NOT NULL,
	"toegetreden_op" timestamp with time zone NOT NULL,
	"uitgetreden_op" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "garantiefonds"."grootboek" (
	"id" text PRIMARY KEY NOT NULL,
	"soort" text NOT NULL,
	"bedrag_cent" bigint NOT NULL,
	"deelnemer" text,
	"aanvraag_id" text,
	"op" timestamp with time zone NOT NULL,
	"omschrijving" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "garantiefonds"."segmenten" (
	"segment" integer PRIMARY KEY NOT NULL,
	"first_seq" bigint NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"sealed_at" timestamp (3) with time zone NOT NULL,
	"dropped_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "garantiefonds"."verwerkingen" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "garantiefonds"."verwerkingen_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
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
CREATE INDEX "aanvragen_traject_idx" ON "garantiefonds"."aanvragen" USING btree ("traject_id");--> statement-breakpoint
CREATE INDEX "audit_trace_idx" ON "garantiefonds"."audit" USING btree ("trace_id","span_id");--> statement-breakpoint
CREATE INDEX "audit_segment_idx" ON "garantiefonds"."audit" USING btree ("segment");--> statement-breakpoint
CREATE UNIQUE INDEX "bijdragen_ronde_deelnemer_uq" ON "garantiefonds"."bijdragen" USING btree ("ronde","deelnemer");--> statement-breakpoint
CREATE UNIQUE INDEX "grootboek_uitbetaling_uq" ON "garantiefonds"."grootboek" USING btree ("aanvraag_id","soort");--> statement-breakpoint
CREATE INDEX "verwerkingen_traject_seq_idx" ON "garantiefonds"."verwerkingen" USING btree ("traject_id","seq");--> statement-breakpoint
CREATE INDEX "verwerkingen_betrokkene_seq_idx" ON "garantiefonds"."verwerkingen" USING btree ("betrokkene","seq");--> statement-breakpoint
CREATE INDEX "verwerkingen_tijdstip_idx" ON "garantiefonds"."verwerkingen" USING btree ("tijdstip");--> statement-breakpoint
CREATE INDEX "verwerkingen_trace_idx" ON "garantiefonds"."verwerkingen" USING btree ("trace_id","span_id");--> statement-breakpoint
CREATE INDEX "verwerkingen_segment_seq_idx" ON "garantiefonds"."verwerkingen" USING btree ("segment","seq");