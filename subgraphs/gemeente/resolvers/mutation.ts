/**
 * The gemeente's acts. Those that are also routeplanner acts (the melding, the target-group
 * assessment, the signed plan) are recorded at the regisseur's routeplanner within the same
 * database transaction here: if either side refuses, nothing is kept. Who may act, in which
 * relation and phase, the acts guard decided before these run.
 */
import type { GraphQLResolverMap } from '../../common/resolver-map.js';
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import { GEMEENTEN, ONDERTEKENAARS, onbekendeZorgaanbieder } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import type { Routeplanner } from '../../common/routeplanner-client.js';
import type { SubgraphContext } from '../../common/server.js';
import { outgoingTraceparent } from '../../common/trace.js';
import { documenten, inwoners, meldingen, onderzoeken, ondersteuningsplannen } from '../db/tables.js';

interface MeldingInput {
  gemeente: string;
  ingediendDoor: 'INWONER' | 'ZORGAANBIEDER' | 'GEMEENTE';
  zorgaanbieder?: string | null;
  machtigingOp?: string | null;
  naam: string;
  adres?: string | null;
  telefoon?: string | null;
  email?: string | null;
  toelichting?: string | null;
}

const BSN = /^\d{9}$/;

/** The BSN's eleven test (elfproef): a typo is refused before it enters the file. */
export function isValidBsn(bsn: string): boolean {
  if (!BSN.test(bsn)) return false;
  const digits = [...bsn].map(Number);
  const sum = digits.slice(0, 8).reduce((s, d, i) => s + d * (9 - i), 0) - digits[8]!;
  return sum % 11 === 0;
}

function checkMelding(input: MeldingInput): void {
  const problems: string[] = [];
  if (!(input.gemeente in GEMEENTEN)) problems.push(`onbekende gemeente ${input.gemeente}`);
  if (!input.naam.trim()) problems.push('naam ontbreekt');
  if (input.ingediendDoor === 'ZORGAANBIEDER') {
    const zorg = onbekendeZorgaanbieder(input.zorgaanbieder);
    if (zorg) problems.push(zorg);
    if (!input.machtigingOp || Number.isNaN(Date.parse(input.machtigingOp))) problems.push('een zorgaanbieder meldt alleen met machtiging');
  }
  if (problems.length) throw weigering(ErrorCode.ONGELDIGE_INVOER, `Melding ongeldig: ${problems.join('; ')}.`, { problemen: problems });
}

/** The Woonkans-overleg's decision on an exception to the target group (DESIGN §3, seed 002). */
interface DoelgroepUitzondering {
  besprokenOp: string;
  stemmenVoor: number;
  stemmenTegen: number;
}

/**
 * An incidental inclusion or exclusion is decided by majority in the Woonkans-overleg after an
 * anonymous discussion; the gemeente records that decision with the vote, or it is refused.
 */
function uitzonderingsToelichting(u: DoelgroepUitzondering, doelgroep: boolean, toelichting: string): string {
  const votes = [u.stemmenVoor, u.stemmenTegen];
  if (votes.some((n) => !Number.isInteger(n) || n < 0) || Number.isNaN(Date.parse(u.besprokenOp))) {
    throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Een uitzondering vraagt de datum van het overleg en het aantal stemmen.');
  }
  if (u.stemmenVoor <= u.stemmenTegen) {
    throw weigering('GEEN_MEERDERHEID', 'Een uitzondering op de doelgroep vraagt een meerderheid in het Woonkans-overleg.', { stemmenVoor: u.stemmenVoor, stemmenTegen: u.stemmenTegen });
  }
  const soort = doelgroep ? 'incidentele toelating' : 'incidentele uitsluiting';
  return `Uitzondering (${soort}), anoniem besproken in het Woonkans-overleg van ${u.besprokenOp.slice(0, 10)}, ${u.stemmenVoor} voor / ${u.stemmenTegen} tegen: ${toelichting}`;
}

export function gemeenteMutations(routeplanner: Routeplanner): GraphQLResolverMap<SubgraphContext> {
  const inTransaction = <T>(ctx: SubgraphContext, run: (tx: Db) => Promise<T>) =>
    ctx.db.transaction((tx) => run(tx as unknown as Db));

  return {
    Mutation: {
      registreerMelding: async (_: unknown, { input }: { input: MeldingInput }, ctx: SubgraphContext) => {
        checkMelding(input);
        const trajectId = randomUUID();
        const caller = ctx.caller;
        // The resident's pseudonym: their own login subject when they file themselves, else a new random one.
        const betrokkene = caller.partij === 'INWONER' ? caller.sub : `inwoner-${randomUUID()}`;
        const now = new Date(ctx.now()).toISOString();
        await inTransaction(ctx, async (tx) => {
          await tx.insert(inwoners).values({
            trajectId,
            betrokkene,
            gemeente: input.gemeente,
            naam: input.naam,
            adres: input.adres ?? null,
            telefoon: input.telefoon ?? null,
            email: input.email ?? null,
          });
          await tx.insert(meldingen).values({
            trajectId,
            ingediendDoor: input.ingediendDoor,
            zorgaanbieder: input.ingediendDoor === 'ZORGAANBIEDER' ? input.zorgaanbieder! : null,
            machtigingOp: input.machtigingOp ? new Date(input.machtigingOp).toISOString() : null,
            ontvangenOp: now,
            toelichting: input.toelichting ?? null,
          });
          await routeplanner(ctx.authorization, {
            act: 'OPEN',
            trajectId,
            gemeente: input.gemeente,
            betrokkene,
            melder: input.ingediendDoor === 'ZORGAANBIEDER' ? input.zorgaanbieder! : null,
            machtigingOp: input.machtigingOp ?? null,
          }, outgoingTraceparent(ctx.trace));
        });
        return { id: trajectId };
      },

      legOnderzoekVast: async (_: unknown, a: { trajectId: string; input: Record<string, string | null> }, ctx: SubgraphContext) => {
        const { bsn, geboortedatum, geslacht, werk, gesprekOp, ...domeinen } = a.input;
        if (bsn && !isValidBsn(bsn)) throw weigering(ErrorCode.ONGELDIGE_INVOER, 'BSN voldoet niet aan de elfproef.');
        if (geboortedatum && Number.isNaN(Date.parse(geboortedatum))) throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Geboortedatum ongeldig.');
        await inTransaction(ctx, async (tx) => {
          // As every other field of the research: left out keeps what was recorded, null clears it.
          const values = { ...domeinen, ...(werk !== undefined ? { werkDaginvulling: werk } : {}), gesprekOp: new Date(gesprekOp!).toISOString() };
          await tx.insert(onderzoeken).values({ trajectId: a.trajectId, ...values }).onConflictDoUpdate({ target: onderzoeken.trajectId, set: values });
          const identiteit = { ...(bsn ? { bsn } : {}), ...(geboortedatum ? { geboortedatum } : {}), ...(geslacht ? { geslacht } : {}) };
          if (Object.keys(identiteit).length) {
            await tx.update(inwoners).set(identiteit).where(eq(inwoners.trajectId, a.trajectId));
          }
        });
        return { id: a.trajectId };
      },

      beoordeelDoelgroep: async (
        _: unknown,
        a: { trajectId: string; doelgroep: boolean; toelichting: string; uitzondering?: DoelgroepUitzondering | null },
        ctx: SubgraphContext,
      ) => {
        if (!a.toelichting.trim()) throw weigering(ErrorCode.ONGELDIGE_INVOER, 'De beoordeling vraagt een toelichting.');
        const toelichting = a.uitzondering ? uitzonderingsToelichting(a.uitzondering, a.doelgroep, a.toelichting) : a.toelichting;
        await inTransaction(ctx, async (tx) => {
          const values = { doelgroep: a.doelgroep, doelgroepToelichting: toelichting };
          await tx.insert(onderzoeken).values({ trajectId: a.trajectId, ...values }).onConflictDoUpdate({ target: onderzoeken.trajectId, set: values });
          if (a.doelgroep) await routeplanner(ctx.authorization, { act: 'FEIT', trajectId: a.trajectId, feit: 'DOELGROEP_BEOORDEELD' }, outgoingTraceparent(ctx.trace));
        });
        return { id: a.trajectId };
      },

      voegDocumentToe: async (_: unknown, a: { trajectId: string; input: { soort: string; geldigTot?: string; inhoud: string } }, ctx: SubgraphContext) => {
        if (!a.input.inhoud.trim()) throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Een document zonder inhoud wordt niet opgeslagen.');
        await ctx.db.insert(documenten).values({
          id: randomUUID(),
          trajectId: a.trajectId,
          soort: a.input.soort,
          ontvangenOp: new Date(ctx.now()).toISOString(),
          geldigTot: a.input.geldigTot ?? null,
          inhoud: a.input.inhoud,
        });
        return { id: a.trajectId };
      },

      ondertekenOndersteuningsplan: async (
        _: unknown,
        a: { trajectId: string; input: { doelen: string; ondertekendOp: string; ondertekendDoor: string } },
        ctx: SubgraphContext,
      ) => {
        if (Number.isNaN(Date.parse(a.input.ondertekendOp)) || !a.input.doelen.trim()) {
          throw weigering(ErrorCode.ONGELDIGE_INVOER, 'Een ondersteuningsplan vraagt doelen en een datum van ondertekening.');
        }
        // A String in the contract (partners send it quoted, some in lower case, as was stored before),
        // but a closed set: the plan's signatory, kept in the enum's spelling.
        const ondertekendDoor = a.input.ondertekendDoor.trim().toUpperCase();
        if (!(ONDERTEKENAARS as readonly string[]).includes(ondertekendDoor)) {
          throw weigering(ErrorCode.ONGELDIGE_INVOER, `ondertekendDoor is ${ONDERTEKENAARS.join(' of ')}.`, { veld: 'input.ondertekendDoor' });
        }
        await inTransaction(ctx, async (tx) => {
          const values = { ...a.input, ondertekendDoor, ondertekendOp: new Date(a.input.ondertekendOp).toISOString() };
          await tx.insert(ondersteuningsplannen).values({ trajectId: a.trajectId, ...values }).onConflictDoUpdate({ target: ondersteuningsplannen.trajectId, set: values });
          await routeplanner(ctx.authorization, { act: 'FEIT', trajectId: a.trajectId, feit: 'ONDERSTEUNINGSPLAN_ONDERTEKEND' }, outgoingTraceparent(ctx.trace));
        });
        return { id: a.trajectId };
      },
    },
  };
}
