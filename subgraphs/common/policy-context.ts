/**
 * Where a subgraph gets the policy context of the cases a request touches. The regisseur subgraph
 * owns it (phase, relations, consents); the others ask it over HTTP with the caller's own token,
 * in one batched call per request, and get it projected for that caller. Fail closed: an error
 * means "no context", which the decision turns into a refusal.
 */
import type { Caller, CaseContext } from '../../schema/context.js';
import { hasRelation } from '../../schema/decide.js';
import { relationsOf } from '../../schema/relations.js';
import { postJson } from './post-json.js';

export type PolicyContextSource = (
  caller: Caller,
  authorization: string,
  trajectIds: readonly string[],
  /** Continues the request's trace on the call to the regisseur. */
  traceparent?: string,
) => Promise<Map<string, CaseContext | null>>;

/** The plain route the regisseur serves it on. */
export const POLICY_CONTEXT_PATH = '/beleidscontext';

export interface RemotePolicyContextOptions {
  /** The regisseur subgraph's base URL. */
  readonly url: string;
  /** Give up after this long; the fields are then refused. @default 3000 */
  readonly timeoutMs?: number;
}

export function remotePolicyContext({ url, timeoutMs = 3000 }: RemotePolicyContextOptions): PolicyContextSource {
  const endpoint = new URL(POLICY_CONTEXT_PATH, url);
  return async (_caller, authorization, trajectIds, traceparent) => {
    const { status, body } = await postJson(endpoint, { trajectIds }, { authorization, ...(traceparent ? { traceparent } : {}) }, timeoutMs);
    if (status < 200 || status > 299) throw new Error(`beleidscontext: HTTP ${status}`);
    const { contexten } = body as { contexten: Record<string, CaseContext | null> };
    return new Map(trajectIds.map((id) => [id, contexten[id] ?? null]));
  };
}

/**
 * What a caller may learn of a case's context: nothing — exactly as for an unknown id — unless the
 * caller may know the case exists now (`hasRelation`, the same decision as `traject(id)` and every
 * field's TRAJECT: one answer at every door); otherwise only its own selection, the consents and
 * overrides naming it, and the resident's pseudonym only for the parties that hold the file (so a
 * corporation cannot link two cases of one person).
 */
export function projectForCaller(caller: Caller, ctx: CaseContext): CaseContext | null {
  if (!hasRelation(caller, ctx)) return null;
  const relaties = relationsOf(caller, ctx);
  const mine = (o: { ontvanger: { partij: string; organisatie?: string | null | undefined } }) =>
    o.ontvanger.partij === caller.partij && (!o.ontvanger.organisatie || o.ontvanger.organisatie === caller.organisatie);
  const holdsFile = relaties.some((r) => r === 'EIGEN_GEMEENTE' || r === 'REGIO' || r === 'ZELF');
  return {
    ...ctx,
    betrokkene: holdsFile ? ctx.betrokkene : '',
    geselecteerd: ctx.geselecteerd.filter((o) => caller.partij === 'REGISSEUR' || caller.partij === 'GEMEENTE' || o === caller.organisatie),
    gematcht: caller.partij === 'CORPORATIE' && ctx.gematcht !== caller.organisatie ? null : ctx.gematcht,
    // Even the fact that someone is in care with a provider is secret (seed 003).
    melder: holdsFile || ctx.melder === caller.organisatie ? ctx.melder : null,
    gekoppeldeZorgaanbieder: holdsFile || ctx.gekoppeldeZorgaanbieder === caller.organisatie ? ctx.gekoppeldeZorgaanbieder : null,
    // The lease only to those who may know it (HUUR in the policy table) and the fund, whose
    // claims are checked against it; never to the gemeente, a selected corporation or the melder.
    huur: relaties.some((r) => r === 'REGIO' || r === 'GEMATCHT' || r === 'GEKOPPELD' || r === 'FONDS') ? (ctx.huur ?? null) : null,
    toestemmingen: ctx.toestemmingen.filter(mine),
    doorbrekingen: ctx.doorbrekingen.filter(mine),
  };
}
