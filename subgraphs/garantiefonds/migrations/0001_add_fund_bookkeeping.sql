CREATE TABLE "garantiefonds"."bijdrageronden" (
	"ronde" bigint PRIMARY KEY NOT NULL,
	"soort" text NOT NULL,
	"gevraagd_op" timestamp with time zone NOT NULL,
	"aanleiding" text NOT NULL,
	CONSTRAINT "bijdrageronden_soort_ck" CHECK ("garantiefonds"."bijdrageronden"."soort" in ('INLEG', 'AANVULLING', 'TOETREDING'))
);
--> statement-breakpoint
CREATE TABLE "garantiefonds"."nalatigheden" (
	"id" text PRIMARY KEY NOT NULL,
	"traject_id" text NOT NULL,
	"partij" text NOT NULL,
	"organisatie" text NOT NULL,
	"toelichting" text NOT NULL,
	"vastgelegd_op" timestamp with time zone NOT NULL,
	"vastgelegd_door" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "garantiefonds"."aanvragen_traject_idx";--> statement-breakpoint
ALTER TABLE "garantiefonds"."aanvragen" ADD COLUMN "bevindingen" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "garantiefonds"."aanvragen" ADD COLUMN "uitzondering_toelichting" text;--> statement-breakpoint
ALTER TABLE "garantiefonds"."aanvragen" ADD COLUMN "ingediend_door" text;--> statement-breakpoint
ALTER TABLE "garantiefonds"."aanvragen" ADD COLUMN "besproken_op" text;--> statement-breakpoint
ALTER TABLE "garantiefonds"."aanvragen" ADD COLUMN "partijen_geraadpleegd" boolean;--> statement-breakpoint
ALTER TABLE "garantiefonds"."aanvragen" ADD COLUMN "overleg_instemming" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "garantiefonds"."aanvragen" ADD COLUMN "uitbetaald_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "garantiefonds"."bijdragen" ADD COLUMN "vervallen_op" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "garantiefonds"."grootboek" ADD COLUMN "volgnummer" bigint NOT NULL GENERATED ALWAYS AS IDENTITY (sequence name "garantiefonds"."grootboek_volgnummer_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1);--> statement-breakpoint
ALTER TABLE "garantiefonds"."grootboek" ADD COLUMN "bijdrage_id" text;--> statement-breakpoint
CREATE INDEX "nalatigheden_traject_idx" ON "garantiefonds"."nalatigheden" USING btree ("traject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "aanvragen_traject_uq" ON "garantiefonds"."aanvragen" USING btree ("traject_id");--> statement-breakpoint
CREATE INDEX "aanvragen_status_idx" ON "garantiefonds"."aanvragen" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "grootboek_bijdrage_uq" ON "garantiefonds"."grootboek" USING btree ("bijdrage_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grootboek_volgnummer_uq" ON "garantiefonds"."grootboek" USING btree ("volgnummer");--> statement-breakpoint
ALTER TABLE "garantiefonds"."aanvragen" DROP COLUMN "nalatigheid";--> statement-breakpoint
ALTER TABLE "garantiefonds"."aanvragen" ADD CONSTRAINT "aanvragen_status_ck" CHECK ("garantiefonds"."aanvragen"."status" in ('INGEDIEND', 'GOEDGEKEURD', 'AFGEWEZEN', 'UITBETAALD'));--> statement-breakpoint
ALTER TABLE "garantiefonds"."aanvragen" ADD CONSTRAINT "aanvragen_bedrag_ck" CHECK ("garantiefonds"."aanvragen"."bedrag_cent" > 0);--> statement-breakpoint
ALTER TABLE "garantiefonds"."bijdragen" ADD CONSTRAINT "bijdragen_bedrag_ck" CHECK ("garantiefonds"."bijdragen"."bedrag_cent" > 0);--> statement-breakpoint
ALTER TABLE "garantiefonds"."deelnemers" ADD CONSTRAINT "deelnemers_soort_ck" CHECK ("garantiefonds"."deelnemers"."soort" in ('GEMEENTE', 'CORPORATIE', 'ZORGAANBIEDER'));--> statement-breakpoint
ALTER TABLE "garantiefonds"."deelnemers" ADD CONSTRAINT "deelnemers_gewicht_ck" CHECK ("garantiefonds"."deelnemers"."gewicht" > 0);--> statement-breakpoint
ALTER TABLE "garantiefonds"."grootboek" ADD CONSTRAINT "grootboek_soort_ck" CHECK ("garantiefonds"."grootboek"."soort" in ('BIJDRAGE', 'UITBETALING', 'RESTITUTIE_BIJ_OPHEFFING'));--> statement-breakpoint
ALTER TABLE "garantiefonds"."grootboek" ADD CONSTRAINT "grootboek_teken_ck" CHECK (("garantiefonds"."grootboek"."soort" = 'BIJDRAGE' and "garantiefonds"."grootboek"."bedrag_cent" > 0) or ("garantiefonds"."grootboek"."soort" <> 'BIJDRAGE' and "garantiefonds"."grootboek"."bedrag_cent" < 0));--> statement-breakpoint
ALTER TABLE "garantiefonds"."grootboek" ADD CONSTRAINT "grootboek_uitbetaling_aanvraag_ck" CHECK ("garantiefonds"."grootboek"."soort" <> 'UITBETALING' or "garantiefonds"."grootboek"."aanvraag_id" is not null);--> statement-breakpoint
ALTER TABLE "garantiefonds"."grootboek" ADD CONSTRAINT "grootboek_bijdrage_ck" CHECK ("garantiefonds"."grootboek"."soort" <> 'BIJDRAGE' or "garantiefonds"."grootboek"."bijdrage_id" is not null);