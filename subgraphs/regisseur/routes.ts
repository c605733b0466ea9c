/**
 * The regisseur's two plain routes for the other subgraphs, both authenticated with the caller's
 * own token: the policy context of a batch of cases (projected for that caller), and the
 * routeplanner acts that start in another subgraph's data — authorised by the same row of the acts
 * table as the mutation they belong to, so this door answers as the GraphQL one.
 */
import { GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { ACTS, type ActNaam } from '../../schema/acts.js';
import { authorizeAct, meldingsTraject } from '../../schema/authorize-act.js';
import type { Caller, CaseContext } from '../../schema/context.js';
import { ErrorCode } from '../../schema/errors.js';
import { actWeigering } from '../common/act-guard.js';
import type { Db } from '../common/database.js';
import type { Route } from '../common/http.js';
import { POLICY_CONTEXT_PATH, projectForCaller } from '../common/policy-context.js';
import { isDatum } from '../common/input-dates.js';
import { ROUTEPLANNER_PATH, type RouteplannerAct } from '../common/routeplanner-client.js';
import { applyHandeling, openTraject, recordFeiten } from './routeplanner/acts.js';
import { coalescedCaseContexts, loadCaseContexts } from './routeplanner/context.js';
import { HANDELING_ACT, HUUR_BEEINDIGINGEN, HUUR_FEITEN, OVERGANGEN, type Handeling } from './routeplanner/transitions.js';

const MAX_BATCH = 1000;

/** The mutation each routeplanner act belongs to; null for an act this route does not know. */
function actVan(act: RouteplannerAct): ActNaam | null {
  switch (act.act) {
    case 'OPEN':
      return 'registreerMelding';
    case 'FEIT':
      return act.feit === 'ONDERSTEUNINGSPLAN_ONDERTEKEND' ? 'ondertekenOndersteuningsplan' : act.feit === 'DOELGROEP_BEOORDEELD' ? 'beoordeelDoelgroep' : null;
    case 'HUUR_BEEINDIGD':
      return HUUR_BEEINDIGINGEN.includes(act.beeindiging) && typeof act.datum === 'string' && act.datum.length === 10 && isDatum(act.datum) ? 'beeindigHuur' : null;
    case 'HANDELING':
      return Object.hasOwn(OVERGANGEN, act.handeling) ? HANDELING_ACT[act.handeling as Handeling] : null;
    default:
      return null;
  }
}

/** Refuses, as the subgraph's guard would, an act the caller may not perform on this case now. */
async function authorize(db: Db, caller: Caller, act: RouteplannerAct, naam: ActNaam): Promise<void> {
  const ctx: CaseContext | null =
    act.act === 'OPEN'
      ? meldingsTraject({ gemeente: act.gemeente, melder: act.melder, betrokkene: act.betrokkene })
      : ((await loadCaseContexts(db, [act.trajectId])).get(act.trajectId) ?? null);
  const decision = authorizeAct(ACTS[naam], caller, ctx, act.act === 'OPEN', act.act === 'HANDELING' ? act.versie : undefined);
  if (!decision.allowed) throw actWeigering(naam, ACTS[naam], decision);
}

async function record(db: Db, caller: Caller, act: RouteplannerAct, at: Date) {
  switch (act.act) {
    case 'OPEN':
      return openTraject(db, caller, act, at);
    case 'FEIT':
      return recordFeiten(db, act.trajectId, { [act.feit]: at.toISOString() });
    case 'HUUR_BEEINDIGD':
      // The date too: the fund holds a claim's end date to it (`DATUM_BEEINDIGING_WIJKT_AF`).
      return recordFeiten(db, act.trajectId, { [HUUR_FEITEN.BEEINDIGD]: act.beeindiging, [HUUR_FEITEN.EINDDATUM]: act.datum });
    case 'HANDELING':
      return applyHandeling(db, caller, { ...act, handeling: act.handeling as Handeling }, at);
  }
}

async function asCaller<T>(verify: (req: IncomingMessage) => Promise<Caller>, req: IncomingMessage, run: (caller: Caller) => Promise<T>) {
  let caller: Caller;
  try {
    caller = await verify(req);
  } catch (error) {
    // A refused token says which rule it broke, as at /graphql; anything else (the token register
    // unreachable) is no refusal of the token and fails closed as an internal error.
    if (!(error instanceof GraphQLError) || error.extensions['code'] !== ErrorCode.UNAUTHENTICATED) throw error;
    return { status: 401, json: { fout: { code: ErrorCode.UNAUTHENTICATED, message: error.message, reden: error.extensions['reden'] } } };
  }
  try {
    return { status: 200, json: await run(caller) };
  } catch (error) {
    if (error instanceof GraphQLError) {
      const { code, ...extensions } = error.extensions;
      return { status: 200, json: { fout: { code, message: error.message, extensions } } };
    }
    throw error;
  }
}

export function regisseurRoutes(db: Db, now: () => number) {
  // The policy context for the other subgraphs: concurrent requests share a batch not yet sent (see
  // `context.ts`). An act's authorisation below reads alone (`loadCaseContexts`), as the acts do.
  const contexts = coalescedCaseContexts(db);
  return ({ verify }: { verify: (req: IncomingMessage) => Promise<Caller> }): Record<string, Route> => ({
    [`POST ${POLICY_CONTEXT_PATH}`]: (req, body) =>
      asCaller(verify, req, async (caller) => {
        const ids = (body as { trajectIds?: unknown })?.trajectIds;
        if (!Array.isArray(ids) || ids.length > MAX_BATCH || ids.some((i) => typeof i !== 'string')) {
          throw new GraphQLError('trajectIds ongeldig', { extensions: { code: ErrorCode.ONGELDIGE_INVOER } });
        }
        const found = await contexts(ids as string[]);
        const contexten: Record<string, unknown> = {};
        for (const id of ids as string[]) {
          const ctx = found.get(id);
          contexten[id] = ctx ? projectForCaller(caller, ctx) : null;
        }
        return { contexten };
      }),
    [`POST ${ROUTEPLANNER_PATH}`]: (req, body) =>
      asCaller(verify, req, async (caller) => {
        const act = body as RouteplannerAct;
        const naam = act && typeof act === 'object' ? actVan(act) : null;
        if (!naam) throw new GraphQLError('Onbekende handeling.', { extensions: { code: ErrorCode.ONGELDIGE_INVOER } });
        await authorize(db, caller, act, naam);
        const row = await record(db, caller, act, new Date(now()));
        return { traject: { id: row.id, code: row.code, fase: row.fase, versie: row.versie } };
      }),
  });
}
