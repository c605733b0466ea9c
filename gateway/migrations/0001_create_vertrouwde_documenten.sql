CREATE TABLE "gateway"."vertrouwde_documenten" (
	"id" text NOT NULL,
	"organisatie" text NOT NULL,
	"partij" text NOT NULL,
	"tekst" text NOT NULL,
	"operaties" jsonb NOT NULL,
	"status" text NOT NULL,
	"geregistreerd_door" text NOT NULL,
	"geregistreerd_op" timestamp with time zone NOT NULL,
	"goedgekeurd_door" text,
	"goedgekeurd_op" timestamp with time zone,
	"ingetrokken_door" text,
	"ingetrokken_op" timestamp with time zone,
	CONSTRAINT "vertrouwde_documenten_organisatie_id_pk" PRIMARY KEY("organisatie","id"),
	CONSTRAINT "vertrouwde_documenten_status_check" CHECK ("gateway"."vertrouwde_documenten"."status" in ('REGISTERED', 'APPROVED', 'REVOKED'))
);
--> statement-breakpoint
CREATE INDEX "vertrouwde_documenten_status_idx" ON "gateway"."vertrouwde_documenten" USING btree ("status");