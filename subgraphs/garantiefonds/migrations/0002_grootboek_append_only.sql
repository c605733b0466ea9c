-- The ledger is the fund's memory of money: an entry, once booked, is never changed or removed
-- (a correction is a new entry), and the balance, the sum of all entries, never drops below zero.
-- The application already guarantees both under its ledger lock; these triggers make the database
-- refuse a bug or a hand-made statement too. As for the access log, the application role in
-- production holds only INSERT and SELECT on this table, so the owner alone could disable them.
CREATE OR REPLACE FUNCTION "garantiefonds"."grootboek_alleen_toevoegen"() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
  RAISE EXCEPTION 'grootboek is append-only: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'A booked entry is never changed; book a correcting entry instead.';
END
$fn$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "garantiefonds"."grootboek_saldo_niet_negatief"() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
  saldo numeric;
BEGIN
  SELECT COALESCE(SUM(g.bedrag_cent), 0) INTO saldo FROM "garantiefonds"."grootboek" g;
  IF saldo < 0 THEN
    RAISE EXCEPTION 'grootboek: saldo zou negatief worden (% cent)', saldo
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
CREATE TRIGGER "grootboek_alleen_toevoegen" BEFORE UPDATE OR DELETE ON "garantiefonds"."grootboek"
  FOR EACH ROW EXECUTE FUNCTION "garantiefonds"."grootboek_alleen_toevoegen"();
--> statement-breakpoint
CREATE TRIGGER "grootboek_niet_legen" BEFORE TRUNCATE ON "garantiefonds"."grootboek"
  FOR EACH STATEMENT EXECUTE FUNCTION "garantiefonds"."grootboek_alleen_toevoegen"();
--> statement-breakpoint
CREATE TRIGGER "grootboek_saldo_niet_negatief" AFTER INSERT ON "garantiefonds"."grootboek"
  FOR EACH STATEMENT EXECUTE FUNCTION "garantiefonds"."grootboek_saldo_niet_negatief"();
