/**
 * Guards for a subgraph's own entry points: a container object (an inwoner, a lease) exists for a
 * caller only when it has a relation to the case, so an `_entities` probe cannot tell an existing
 * case from a missing one; writes additionally need the right party and phase.
 */
import { GraphQLError } from 'graphql';
import type { CaseContext } from '../../schema/context.js';
import { hasRelation } from '../../schema/decide.js';
import { ErrorCode, weigering } from '../../schema/errors.js';
import { relationsOf } from '../../schema/relations.js';
import type { Fase, Partij } from '../../schema/vocabulary.js';
import type { Relatie } from '../../schema/policy.js';
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

export interface WriteRule {
  readonly partij: Partij;
  readonly relatie: Relatie;
  readonly fasen: readonly Fase[];
  readonly handeling: string;
}

/** Resolves when the caller may perform `rule` on the case; otherwise a specific refusal, nothing written. */
export async function mayWrite(ctx: SubgraphContext, trajectId: string, rule: WriteRule): Promise<CaseContext> {
  const policy = await ctx.dosering.contextFor(trajectId);
  if (policy === undefined) {
    throw weigering(ErrorCode.BELEIDSCONTEXT_ONBEREIKBAAR, 'De beleidscontext is niet bereikbaar; er is niets vastgelegd.');
  }
  if (!policy || relationsOf(ctx.caller, policy).length === 0) {
    throw weigering(ErrorCode.NIET_GEVONDEN, 'Traject niet gevonden.', { trajectId });
  }
  if (ctx.caller.partij !== rule.partij || !relationsOf(ctx.caller, policy).includes(rule.relatie)) {
    throw weigering(ErrorCode.NIET_BEVOEGD, `${rule.handeling} is voorbehouden aan ${rule.partij} (${rule.relatie}).`);
  }
  if (!rule.fasen.includes(policy.fase)) {
    throw weigering(ErrorCode.FASEOVERGANG_ONGELDIG, `${rule.handeling} kan niet in fase ${policy.fase}.`, { fase: policy.fase });
  }
  return policy;
}
