/**
 * The guard of a subgraph's own read entry points: a container object (an inwoner, a lease) exists
 * for a caller only when it has a relation to the case, so an `_entities` probe cannot tell an
 * existing case from a missing one. Writes are authorised by the acts guard (`act-guard.ts`).
 */
import { GraphQLError } from 'graphql';
import type { CaseContext } from '../../schema/context.js';
import { hasRelation } from '../../schema/decide.js';
import { ErrorCode } from '../../schema/errors.js';
import type { SubgraphContext } from './server.js';

/**
 * The case's context when the caller has a relation to it now; null as for an unknown case. When
 * the context cannot be loaded it refuses (fail closed) and says so, so a partner can tell
 * "unreachable" from "nothing recorded".
 */
export async function visibleCase(ctx: SubgraphContext, trajectId: string): Promise<CaseContext | null> {
  const policy = await ctx.dosering.contextFor(trajectId);
  if (policy === undefined) {
    throw new GraphQLError('De beleidscontext kon niet worden geladen; uit voorzorg geweigerd.', {
      extensions: { code: ErrorCode.DOSERING_GEWEIGERD, reden: 'CONTEXT_ONBESCHIKBAAR', partij: ctx.caller.partij },
    });
  }
  return policy && hasRelation(ctx.caller, policy) ? policy : null;
}
