CREATE TABLE "regisseur"."terugkoppelingen" (
	"id" text PRIMARY KEY NOT NULL,
	"traject_id" text NOT NULL,
	"moment" text NOT NULL,
	"toelichting" text NOT NULL,
	"door" text NOT NULL,
	"op" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "terugkoppelingen_traject_idx" ON "regisseur"."terugkoppelingen" USING btree ("traject_id");