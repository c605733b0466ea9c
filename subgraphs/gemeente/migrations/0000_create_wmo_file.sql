CREATE SCHEMA "gemeente";
--> statement-breakpoint
CREATE TABLE "gemeente"."audit" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gemeente"."audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
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
CREATE TABLE "gemeente"."documenten" (
	"id" text PRIMARY KEY NOT NULL,
	"traject_id" text NOT NULL,
	"soort" text NOT NULL,
	"ontvangen_op" timestamp with time zone NOT NULL,
	"geldig_tot" date,
	"inhoud" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gemeente"."inwoners" (
	"traject_id" text PRIMARY KEY NOT NULL,
	"betrokkene" text NOT NULL,
	"gemeente" text NOT NULL,
	"bsn" text,
	"naam" text NOT NULL,
	"geboortedatum" date,
	"geslacht" text,
	"adres" text,
	"telefoon" text,
	"email" text
);
--> statement-breakpoint
CREATE TABLE "gemeente"."meldingen" (
	"traject_id" text PRIMARY KEY NOT NULL,
	"ingediend_door" text NOT NULL,
	"zorgaanbieder" text,
	"machtiging_op" timestamp with time zone,
	"ontvangen_op" timestamp with time zone NOT NULL,
	"toelichting" text
);
--> statement-breakpoint
CREATE TABLE "gemeente"."ondersteuningsplannen" (
	"traject_id" text PRIMARY KEY NOT NULL,
	"doelen" text NOT NULL,
	"ondertekend_op" timestamp with time zone,
	"ondertekend_door" text
);
--> statement-breakpoint
CREATE TABLE "gemeente"."onderzoeken" (
	"traject_id" text PRIMARY KEY NOT NULL,
	"gesprek_op" timestamp with time zone,
	"opleiding" text,
	"werk_daginvulling" text,
	"inkomen" text,
	"sociaal_netwerk" text,
	"woonsituatie" text,
	"financien" text,
	"gezondheid" text,
	"huishouden" text,
	"mobiliteit" text,
	"sociale_redzaamheid" text,
	"doelgroep" boolean,
	"doelgroep_toelichting" text
);
--> statement-breakpoint
CREATE TABLE "gemeente"."segmenten" (
	"segment" integer PRIMARY KEY NOT NULL,
	"first_seq" bigint NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"sealed_at" timestamp (3) with time zone NOT NULL,
	"dropped_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "gemeente"."verwerkingen" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "gemeente"."verwerkingen_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
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
CREATE INDEX "audit_trace_idx" ON "gemeente"."audit" USING btree ("trace_id","span_id");--> statement-breakpoint
CREATE INDEX "audit_segment_idx" ON "gemeente"."audit" USING btree ("segment");--> statement-breakpoint
CREATE INDEX "documenten_traject_idx" ON "gemeente"."documenten" USING btree ("traject_id");--> statement-breakpoint
CREATE INDEX "inwoners_betrokkene_idx" ON "gemeente"."inwoners" USING btree ("betrokkene");--> statement-breakpoint
CREATE INDEX "verwerkingen_traject_seq_idx" ON "gemeente"."verwerkingen" USING btree ("traject_id","seq");--> statement-breakpoint
CREATE INDEX "verwerkingen_betrokkene_seq_idx" ON "gemeente"."verwerkingen" USING btree ("betrokkene","seq");--> statement-breakpoint
CREATE INDEX "verwerkingen_tijdstip_idx" ON "gemeente"."verwerkingen" USING btree ("tijdstip");--> statement-breakpoint
CREATE INDEX "verwerkingen_trace_idx" ON "gemeente"."verwerkingen" USING btree ("trace_id","span_id");--> statement-breakpoint
CREATE INDEX "verwerkingen_segment_seq_idx" ON "gemeente"."verwerkingen" USING btree ("segment","seq");