/**
 * The one guard of every act: before any `Mutation` resolver of a subgraph runs, it finds the case
 * the act concerns, loads its policy context and asks `authorizeAct` with the act's row of
 * `schema/acts.ts`. A refusal is a specific code with a Dutch message and nothing has run. A
 * mutation without a row, or with a row of another subgraph, stops the subgraph from starting.
 */
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { actRecord } from '../../schema/act-record.js';
import { ACT_CODES, actRule, type ActRule, type RecordSoort, type Subgraaf } from '../../schema/acts.js';
import { authorizeAct, meldingsTraject, type ActDecision } from '../../schema/authorize-act.js';
import type { Caller, CaseContext } from '../../schema/context.js';
import type { Foutcode } from '../../schema/error-catalogue.js';
import { ErrorCode, weigering } from '../../schema/errors.js';
import type { Relatie } from '../../schema/policy.js';
import { regioVanGemeente } from '../../schema/vocabulary.js';
import { ActNotRecorded } from './access-log.js';
import type { Db } from './database.js';
import { ongeldigeDatums } from './input-dates.js';
import { plainArgs } from './plain-args.js';
import type { SubgraphContext } from './server.js';

/** How a subgraph tells whose case one of its own records belongs to (null when unknown). */
export type RecordLocators = Partial<Record<RecordSoort, (db: Db, id: string) => Promise<string | null>>>;

const REDEN_TEKST = {
  PARTIJ: (r: ActRule) => `${r.handeling} is voorbehouden aan ${wie(r)}.`,
  ONBEKEND: () => 'Traject niet gevonden.',
  RELATIE: (r: ActRule) => `${r.handeling} is voorbehouden aan ${wie(r)}.`,
  VERSIE: () => 'Het traject is intussen gewijzigd; haal de nieuwe versie op (extensions.huidigeVersie).',
  FASE: (r: ActRule, fase?: string) => `${r.handeling} kan niet in fase ${fase}.`,
  CONTEXT_ONBESCHIKBAAR: () => 'De beleidscontext is niet bereikbaar; er is niets vastgelegd.',
} as const;

function wie(rule: ActRule): string {
  const namen = rule.mag.map((g) => `${g.partij}${g.rol ? ` als ${g.rol}` : ''}${g.relatie === 'GEEN' ? '' : ` (${g.relatie})`}`);
  return [...new Set(namen)].join(' of ');
}

/** The refusal of act `naam`: the row's code for the reason, a Dutch message, never a value. */
export function actWeigering(naam: string, rule: ActRule, decision: Extract<ActDecision, { allowed: false }>) {
  return weigering(rule.codes?.[decision.reden] ?? ACT_CODES[decision.reden], REDEN_TEKST[decision.reden](rule, decision.fase), {
    handeling: naam,
    reden: decision.reden,
    ...(decision.fase ? { fase: decision.fase } : {}),
    ...(decision.huidigeVersie !== undefined ? { huidigeVersie: decision.huidigeVersie } : {}),
  });
}

function at(args: Record<string, unknown>, pad: string): unknown {
  return pad.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), args);
}

/**
 * The melding's own statement of who files: the care provider only when it files itself. A melding
 * for a gemeente outside Woonkans opens nothing there is to hide: it is invalid input, said as such.
 */
function melding(caller: Caller, input: Record<string, unknown>) {
  const gemeente = String(input['gemeente'] ?? '');
  if (!regioVanGemeente(gemeente)) throw weigering(ErrorCode.ONGELDIGE_INVOER, `Onbekende gemeente: ${gemeente}.`, { veld: 'gemeente' });
  return meldingsTraject({
    gemeente: String(input['gemeente'] ?? ''),
    melder: input['ingediendDoor'] === 'ZORGAANBIEDER' ? (input['zorgaanbieder'] as string | null) : null,
    betrokkene: caller.partij === 'INWONER' ? caller.sub : null,
  });
}

/** The case an act concerns, as the policy context shows it to the caller. */
async function caseOf(rule: ActRule, args: Record<string, unknown>, ctx: SubgraphContext, records: RecordLocators): Promise<CaseContext | null | undefined> {
  const t = rule.traject;
  if (t === null) return null;
  if (t.uit === 'melding') return melding(ctx.caller, (at(args, t.pad) ?? {}) as Record<string, unknown>);
  const id = at(args, t.pad);
  if (typeof id !== 'string') return null;
  const trajectId = t.uit === 'argument' ? id : await records[t.soort]!(ctx.db, id);
  return trajectId === null ? null : ctx.dosering.contextFor(trajectId);
}

/** The guard's decision on an act, with the case context it was taken on (null for no case). */
export async function decideAct(
  rule: ActRule,
  args: Record<string, unknown>,
  ctx: SubgraphContext,
  records: RecordLocators,
): Promise<{ readonly decision: ActDecision; readonly zaak: CaseContext | null | undefined }> {
  // The party check needs no case: refuse it before anything is read.
  const byParty = authorizeAct({ ...rule, traject: null }, ctx.caller, null);
  if (!byParty.allowed || rule.traject === null) return { decision: byParty, zaak: null };
  const versie = typeof args['versie'] === 'number' ? args['versie'] : undefined;
  const zaak = await caseOf(rule, args, ctx, records);
  return { decision: authorizeAct(rule, ctx.caller, zaak, rule.traject.uit === 'melding', versie), zaak };
}

/** The case an act returned: its `id` (a `Traject`) or its `trajectId`; what a melding opened. */
function trajectIdOf(value: unknown, zaak: CaseContext): string {
  const v = (value ?? {}) as Record<string, unknown>;
  const id = zaak.trajectId || v['trajectId'] || v['id'];
  if (typeof id !== 'string' || id === '') throw new Error('act-guard: the act returned no case to record it on');
  return id;
}

/** Wraps every `Mutation` field of `schema` in the guard; throws when a mutation has no row. */
export function actGuard(schema: GraphQLSchema, subgraaf: Subgraaf, records: RecordLocators = {}, datumFout: Foutcode = ErrorCode.ONGELDIGE_INVOER): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.MUTATION_ROOT_FIELD]: (field, naam) => {
      const rule = actRule(naam);
      if (!rule) throw new Error(`Mutation.${naam} (${subgraaf}) has no row in schema/acts.ts: every act needs one.`);
      if (rule.subgraaf !== subgraaf) throw new Error(`Mutation.${naam} is served by ${subgraaf}, but its row in schema/acts.ts says ${rule.subgraaf}.`);
      if (rule.traject?.uit === 'record' && !records[rule.traject.soort]) {
        throw new Error(`Mutation.${naam} finds its case through a ${rule.traject.soort}, which ${subgraaf} does not locate.`);
      }
      const resolve = field.resolve ?? defaultFieldResolver;
      return {
        ...field,
        resolve: async (source, rawArgs, ctx: SubgraphContext, info) => {
          const args = plainArgs(rawArgs);
          const { decision, zaak } = await decideAct(rule, args, ctx, records);
          if (!decision.allowed) throw actWeigering(naam, rule, decision);
          const datums = ongeldigeDatums(args, field.args ?? {});
          if (datums.length > 0) {
            throw weigering(datumFout, `Geen geldige datum (JJJJ-MM-DD, of een tijdstip met tijdzone): ${datums.join(', ')}.`, { veld: datums[0], velden: datums });
          }
          // The fund's bookkeeping concerns no case and no person: nothing to account for.
          if (!zaak || decision.relatie === 'GEEN') return resolve(source, args, ctx, info);
          const { traceId, spanId, parentSpanId } = ctx.trace;
          const meta = { caller: ctx.caller, traceId, spanId, parentSpanId, operationName: info.operation.name?.value ?? null, subgraph: subgraaf };
          try {
            return await ctx.actLog(
              meta,
              async (tx) => resolve(source, args, { ...ctx, db: tx }, info),
              (value) => [actRecord(naam, rule, ctx.caller, zaak, decision.relatie as Relatie, trajectIdOf(value, zaak))],
            );
          } catch (error) {
            if (!(error instanceof ActNotRecorded)) throw error;
            throw weigering(ErrorCode.TOEGANGSLOG_ONBEREIKBAAR, `${rule.handeling} kon niet in het logboek worden vastgelegd; daarom is er hier niets gewijzigd.`, { handeling: naam }, error);
          }
        },
      };
    },
  });
}
