-- Who filed a melding is health data (seed 003): the transition of the melding step names the Wmo
-- toegang of the resident's gemeente that received it, never the filing care provider or resident.
-- Rows written before this rule are brought in line; the filer stays in trajecten.melder and in the
-- gemeente's own file.
UPDATE "regisseur"."transities" AS t
SET "partij" = 'GEMEENTE', "organisatie" = 'gemeente-' || tr."gemeente", "reden" = NULL
FROM "regisseur"."trajecten" AS tr
WHERE t."traject_id" = tr."id" AND t."handeling" = 'MELDING_ONTVANGEN' AND (t."partij" <> 'GEMEENTE' OR t."reden" IS NOT NULL);
