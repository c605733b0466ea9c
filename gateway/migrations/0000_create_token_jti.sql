CREATE SCHEMA "gateway";
--> statement-breakpoint
CREATE TABLE "gateway"."token_jti" (
	"jti" text PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "token_jti_expires_at_idx" ON "gateway"."token_jti" USING btree ("expires_at");