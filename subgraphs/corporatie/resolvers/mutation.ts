/**
 * The corporations' acts; signing the lease is also the routeplanner's act that houses the
 * resident, and ending it tells the routeplanner how it ended (the case's outcome and the fund
 * depend on it). Who may act, in which relation and phase, the acts guard decided before these run.
 */
import type { GraphQLResolverMap } from '../../common/resolver-map.js';
import { and, eq, isNull } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import { onbekendeZorgaanbieder } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import type { Routeplanner } from '../../common/routeplanner-client.js';
import type { SubgraphContext } from '../../common/server.js';
import { outgoingTraceparent } from '../../common/trace.js';
import { evaluaties, huurovereenkomsten, woningaanbiedingen } from '../db/tables.js';

const positiveCents = (n: number) => Number.isSafeInteger(n) && n >= 0;
const validDate = (s: string) => !Number.isNaN(Date.parse(s));

export function corporatieMutations(routeplanner: Routeplanner): GraphQLResolverMap<SubgraphContext> {
  return {
    Mutation: {
      doeWoningaanbod: async (_: unknown, a: { trajectId: string; input: { omschrijving: string; kernHuurprijsCent: number; beschikbaarPer?: string } }, ctx: SubgraphContext) => {
        if (!positiveCents(a.input.kernHuurprijsCent) || !a.input.omschrijving.trim()) {
          throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Een aanbod vraagt een omschrijving en een huurprijs in hele centen.');
        }
        await ctx.db.insert(woningaanbiedingen).values({
          id: randomUUID(),
          trajectId: a.trajectId,
          corporatie: ctx.caller.organisatie,
          omschrijving: a.input.omschrijving,
          kernHuurprijsCent: a.input.kernHuurprijsCent,
          beschikbaarPer: a.input.beschikbaarPer ?? null,
          aangebodenOp: new Date(ctx.now()).toISOString(),
        });
        return { id: a.trajectId };
      },

      tekenHuurovereenkomst: async (
        _: unknown,
        a: {
          trajectId: string;
          versie: number;
          input: { zorgaanbieder: string; contractvorm: string; driePartijenOvereenkomst: boolean; adresWoning: string; ingangsdatum: string; kaleHuurCent: number; borgCent: number };
        },
        ctx: SubgraphContext,
      ) => {
        const i = a.input;
        const problems: string[] = [];
        const zorg = onbekendeZorgaanbieder(i.zorgaanbieder);
        if (zorg) problems.push(zorg);
        if (!i.driePartijenOvereenkomst) problems.push('Woonkans huurt altijd met een driepartijenovereenkomst');
        if (!positiveCents(i.kaleHuurCent) || !positiveCents(i.borgCent)) problems.push('bedragen in hele centen, niet negatief');
        if (!validDate(i.ingangsdatum) || !i.adresWoning.trim()) problems.push('adres en ingangsdatum zijn verplicht');
        if (problems.length) throw weigering(ErrorCode.ONGELDIGE_INVOER, `Huurovereenkomst ongeldig: ${problems.join('; ')}.`, { problemen: problems });
        await ctx.db.transaction(async (tx) => {
          await (tx as unknown as Db).insert(huurovereenkomsten).values({
            trajectId: a.trajectId,
            corporatie: ctx.caller.organisatie,
            ...i,
            getekendOp: new Date(ctx.now()).toISOString(),
          });
          await routeplanner(ctx.authorization, {
            act: 'HANDELING',
            trajectId: a.trajectId,
            handeling: 'HUUROVEREENKOMST_GETEKEND',
            versie: a.versie,
            zorgaanbieder: i.zorgaanbieder,
            borgCent: i.borgCent,
          }, outgoingTraceparent(ctx.trace));
        });
        return { id: a.trajectId };
      },

      registreerEvaluatie: async (
        _: unknown,
        a: { trajectId: string; input: { datum: string; soort: string; bevindingen: string; zelfstandigWonend?: boolean } },
        ctx: SubgraphContext,
      ) => {
        if (!validDate(a.input.datum) || !a.input.bevindingen.trim()) throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Datum en bevindingen zijn verplicht.');
        // The evaluation of a negative end is recorded with the end itself (beeindigHuur): by hand it
        // would tell the fund of an end that never happened.
        if (a.input.soort === 'NEGATIEVE_BEEINDIGING') {
          throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Een evaluatie van een negatieve beëindiging wordt vastgelegd met beeindigHuur, niet los.', { veld: 'soort' });
        }
        await ctx.db.insert(evaluaties).values({
          id: randomUUID(),
          trajectId: a.trajectId,
          door: ctx.caller.organisatie,
          datum: a.input.datum,
          soort: a.input.soort,
          bevindingen: a.input.bevindingen,
          zelfstandigWonend: a.input.zelfstandigWonend ?? null,
        });
        return { id: a.trajectId };
      },

      beeindigHuur: async (_: unknown, a: { trajectId: string; beeindiging: string; datum: string; evaluatie?: string }, ctx: SubgraphContext) => {
        if (!validDate(a.datum)) throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Datum ongeldig.');
        const negatief = a.beeindiging !== 'POSITIEF';
        // Every negative end gets an evaluation (seed 001, Bijlage 3).
        if (negatief && !a.evaluatie?.trim()) {
          throw weigering('EVALUATIE_ONTBREEKT', 'Bij een negatieve beëindiging hoort een evaluatie.');
        }
        await ctx.db.transaction(async (tx) => {
          const db = tx as unknown as Db;
          const [row] = await db
            .update(huurovereenkomsten)
            .set({ beeindiging: a.beeindiging, beeindigdOp: a.datum })
            .where(and(eq(huurovereenkomsten.trajectId, a.trajectId), isNull(huurovereenkomsten.beeindiging)))
            .returning();
          if (!row) throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Er is geen lopende huurovereenkomst.');
          if (negatief) {
            await db.insert(evaluaties).values({
              id: randomUUID(),
              trajectId: a.trajectId,
              door: ctx.caller.organisatie,
              datum: a.datum,
              soort: 'NEGATIEVE_BEEINDIGING',
              bevindingen: a.evaluatie!,
              zelfstandigWonend: false,
            });
          }
          await routeplanner(
            ctx.authorization,
            { act: 'HUUR_BEEINDIGD', trajectId: a.trajectId, beeindiging: a.beeindiging as 'POSITIEF' | 'ONTRUIMD' | 'VERTROKKEN', datum: a.datum.slice(0, 10) },
            outgoingTraceparent(ctx.trace),
          );
        });
        return { id: a.trajectId };
      },
    },
  };
}
