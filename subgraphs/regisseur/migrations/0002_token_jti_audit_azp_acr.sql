CREATE TABLE "regisseur"."token_jti" (
	"jti" text PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "regisseur"."audit" ADD COLUMN "azp" text;--> statement-breakpoint
ALTER TABLE "regisseur"."audit" ADD COLUMN "acr" text;--> statement-breakpoint
CREATE INDEX "token_jti_expires_at_idx" ON "regisseur"."token_jti" USING btree ("expires_at");