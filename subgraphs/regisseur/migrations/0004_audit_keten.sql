ALTER TABLE "regisseur"."audit" ADD COLUMN "seq" bigint;--> statement-breakpoint
ALTER TABLE "regisseur"."audit" ADD COLUMN "vorige_hash" text;--> statement-breakpoint
ALTER TABLE "regisseur"."audit" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "regisseur"."segmenten" ADD COLUMN "audit_first_seq" bigint;--> statement-breakpoint
ALTER TABLE "regisseur"."segmenten" ADD COLUMN "audit_last_seq" bigint;--> statement-breakpoint
ALTER TABLE "regisseur"."segmenten" ADD COLUMN "audit_last_hash" text;--> statement-breakpoint
ALTER TABLE "regisseur"."audit" ADD CONSTRAINT "audit_seq_unique" UNIQUE("seq");