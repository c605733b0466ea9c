CREATE SCHEMA "regisseur";
--> statement-breakpoint
CREATE TABLE "regisseur"."audit" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "regisseur"."audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
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
CREATE TABLE "regisseur"."casusoverleggen" (
	"id" text PRIMARY KEY NOT NULL,
	"traject_id" text NOT NULL,
	"aangevraagd_door" text NOT NULL,
	"doel" text NOT NULL,
	"noodzaak" text NOT NULL,
	"deelnemers" jsonb NOT NULL,
	"categorieen" text[] NOT NULL,
	"status" text NOT NULL,
	"besluit_toelichting" text,
	"besluit_door" text,
	"tot" timestamp with time zone,
	"aangevraagd_op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regisseur"."doorbrekingen" (
	"id" text PRIMARY KEY NOT NULL,
	"traject_id" text NOT NULL,
	"professional" text NOT NULL,
	"professional_organisatie" text NOT NULL,
	"ontvanger_partij" text NOT NULL,
	"ontvanger_organisatie" text,
	"velden" text[] NOT NULL,
	"criteria" jsonb NOT NULL,
	"motivering" text NOT NULL,
	"vanaf" timestamp with time zone NOT NULL,
	"tot" timestamp with time zone NOT NULL,
	"inwoner_geinformeerd" boolean DEFAULT false NOT NULL,
	"beoordeeld_op" timestamp with time zone,
	"beoordeling" text
);
--> statement-breakpoint
CREATE TABLE "regisseur"."profielen" (
	"traject_id" text PRIMARY KEY NOT NULL,
	"geslacht" text,
	"woonsituatie" text,
	"huishouden" text,
	"daginvulling" text,
	"mobiliteit" text,
	"sociaal_netwerk" text,
	"sociale_redzaamheid" text,
	"financien" text,
	"conclusie" text,
	"bejegeningsadvies" text,
	"gewijzigd_op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regisseur"."segmenten" (
	"segment" integer PRIMARY KEY NOT NULL,
	"first_seq" bigint NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"sealed_at" timestamp (3) with time zone NOT NULL,
	"dropped_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "regisseur"."selecties" (
	"traject_id" text NOT NULL,
	"corporatie" text NOT NULL,
	"geselecteerd_op" timestamp with time zone NOT NULL,
	"overleg_uitkomst" text,
	"overleg_toelichting" text,
	"besproken_op" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "regisseur"."toestemming_gebeurtenissen" (
	"id" text PRIMARY KEY NOT NULL,
	"toestemming_id" text NOT NULL,
	"soort" text NOT NULL,
	"op" timestamp with time zone NOT NULL,
	"door" text NOT NULL,
	"toelichting" text,
	"inhoud" jsonb
);
--> statement-breakpoint
CREATE TABLE "regisseur"."toestemmingen" (
	"id" text PRIMARY KEY NOT NULL,
	"traject_id" text NOT NULL,
	"ontvanger_partij" text NOT NULL,
	"ontvanger_organisatie" text,
	"casusoverleg_id" text,
	"categorieen" text[] NOT NULL,
	"doel" text NOT NULL,
	"richting" text NOT NULL,
	"gegeven_op" timestamp with time zone NOT NULL,
	"geldig_tot" timestamp with time zone NOT NULL,
	"ingetrokken_op" timestamp with time zone,
	"vastgelegd_door" text NOT NULL,
	"ondertekend_door" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regisseur"."trajecten" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"fase" text NOT NULL,
	"regio" text NOT NULL,
	"gemeente" text NOT NULL,
	"betrokkene" text NOT NULL,
	"melder" text,
	"gekoppelde_zorgaanbieder" text,
	"gematcht" text,
	"uitkomst" text,
	"uitkomst_toelichting" text,
	"feiten" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"versie" integer DEFAULT 1 NOT NULL,
	"aangemeld_op" timestamp with time zone NOT NULL,
	"gehuisvest_op" timestamp with time zone,
	"afgesloten_op" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "regisseur"."transities" (
	"id" text PRIMARY KEY NOT NULL,
	"traject_id" text NOT NULL,
	"van" text,
	"naar" text NOT NULL,
	"handeling" text NOT NULL,
	"partij" text NOT NULL,
	"organisatie" text NOT NULL,
	"reden" text,
	"op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regisseur"."verwerkingen" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "regisseur"."verwerkingen_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
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
CREATE INDEX "audit_trace_idx" ON "regisseur"."audit" USING btree ("trace_id","span_id");--> statement-breakpoint
CREATE INDEX "audit_segment_idx" ON "regisseur"."audit" USING btree ("segment");--> statement-breakpoint
CREATE UNIQUE INDEX "selecties_uq" ON "regisseur"."selecties" USING btree ("traject_id","corporatie");--> statement-breakpoint
CREATE INDEX "toestemming_gebeurtenissen_idx" ON "regisseur"."toestemming_gebeurtenissen" USING btree ("toestemming_id");--> statement-breakpoint
CREATE INDEX "toestemmingen_traject_idx" ON "regisseur"."toestemmingen" USING btree ("traject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trajecten_code_uq" ON "regisseur"."trajecten" USING btree ("code");--> statement-breakpoint
CREATE INDEX "trajecten_regio_fase_idx" ON "regisseur"."trajecten" USING btree ("regio","fase");--> statement-breakpoint
CREATE INDEX "transities_traject_idx" ON "regisseur"."transities" USING btree ("traject_id");--> statement-breakpoint
CREATE INDEX "verwerkingen_traject_seq_idx" ON "regisseur"."verwerkingen" USING btree ("traject_id","seq");--> statement-breakpoint
CREATE INDEX "verwerkingen_betrokkene_seq_idx" ON "regisseur"."verwerkingen" USING btree ("betrokkene","seq");--> statement-breakpoint
CREATE INDEX "verwerkingen_tijdstip_idx" ON "regisseur"."verwerkingen" USING btree ("tijdstip");--> statement-breakpoint
CREATE INDEX "verwerkingen_trace_idx" ON "regisseur"."verwerkingen" USING btree ("trace_id","span_id");--> statement-breakpoint
CREATE INDEX "verwerkingen_segment_seq_idx" ON "regisseur"."verwerkingen" USING btree ("segment","seq");