/**
 * The regisseur's two plain routes for the other subgraphs, both authenticated with the caller's
 * own token: the policy context of a batch of cases (projected for that caller), and the
 * routeplanner acts that start in another subgraph's data.
 */
import { GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import type { Caller } from '../../schema/context.js';
import { ErrorCode } from '../../schema/errors.js';
import type { Db } from '../common/database.js';
import type { Route } from '../common/http.js';
import { POLICY_CONTEXT_PATH, projectForCaller } from '../common/policy-context.js';
import { ROUTEPLANNER_PATH, type RouteplannerAct } from '../common/routeplanner-client.js';
import { applyHandeling, openTraject, recordFeit } from './routeplanner/acts.js';
import { loadCaseContexts } from './routeplanner/context.js';
import type { Handeling } from './routeplanner/transitions.js';

const MAX_BATCH = 1000;

async function asCaller<T>(verify: (req: IncomingMessage) => Promise<Caller>, req: IncomingMessage, run: (caller: Caller) => Promise<T>) {
  let caller: Caller;
  try {
    caller = await verify(req);
  } catch {
    return { status: 401, json: { fout: { code: ErrorCode.UNAUTHENTICATED, message: 'Geen geldig token.' } } };
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
  return ({ verify }: { verify: (req: IncomingMessage) => Promise<Caller> }): Record<string, Route> => ({
    [`POST ${POLICY_CONTEXT_PATH}`]: (req, body) =>
      asCaller(verify, req, async (caller) => {
        const ids = (body as { trajectIds?: unknown })?.trajectIds;
        if (!Array.isArray(ids) || ids.length > MAX_BATCH || ids.some((i) => typeof i !== 'string')) {
          throw new GraphQLError('trajectIds ongeldig', { extensions: { code: ErrorCode.ONGELDIGE_INVOER } });
        }
        const found = await loadCaseContexts(db, ids as string[]);
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
        const at = new Date(now());
        const row =
          act.act === 'OPEN'
            ? await openTraject(db, caller, act, at)
            : act.act === 'FEIT'
              ? await recordFeit(db, caller, act.trajectId, act.feit, at)
              : act.act === 'HANDELING'
                ? await applyHandeling(db, caller, { ...act, handeling: act.handeling as Handeling }, at)
                : undefined;
        if (!row) throw new GraphQLError('Onbekende handeling.', { extensions: { code: ErrorCode.ONGELDIGE_INVOER } });
        return { traject: { id: row.id, code: row.code, fase: row.fase, versie: row.versie } };
      }),
  });
}
