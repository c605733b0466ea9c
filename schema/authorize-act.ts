/**
 * The decision on an act, as `decide` is the decision on a field: one pure function of the verified
 * caller, the act's row of the table and the case's policy context. The guard in every subgraph and
 * the regisseur's routeplanner route both ask it, so every door answers the same.
 */
import type { ActRule, ActWeigering } from './acts.js';
import type { Caller, CaseContext } from './context.js';
import { hasRelation } from './decide.js';
import type { Relatie } from './policy.js';
import { relationsOf } from './relations.js';
import { regioVanGemeente, type Fase } from './vocabulary.js';

export type ActDecision =
  | { readonly allowed: true; readonly relatie: Relatie | 'GEEN' }
  | { readonly allowed: false; readonly reden: ActWeigering; readonly fase?: Fase; readonly huidigeVersie?: number };

/**
 * Checks, in this order, so that each refusal tells no more than the one before it:
 * 1. PARTIJ — no row names the caller's party (and role): decided from the token alone;
 * 2. CONTEXT_ONBESCHIKBAAR / ONBEKEND — the case's context cannot be loaded (fail closed), or the
 *    caller has no relation to the case in its current phase: answered as for an unknown case;
 * 3. RELATIE — the caller relates to the case, but not in a relation a row names;
 * 4. VERSIE — the act was sent for another version of the case than its current one (`versie`):
 *    it lost a race, whatever the phase is now;
 * 5. FASE — a row fits party and relation, but not the case's current phase.
 * `ctx` is `undefined` when the context could not be loaded, `null` when the case is unknown.
 */
export function authorizeAct(rule: ActRule, caller: Caller, ctx: CaseContext | null | undefined, opensCase = false, versie?: number): ActDecision {
  const rows = rule.mag.filter((g) => g.partij === caller.partij && (g.rol === undefined || g.rol === caller.rol));
  if (rows.length === 0) return { allowed: false, reden: 'PARTIJ' };
  if (rule.traject === null) return { allowed: true, relatie: 'GEEN' };
  if (ctx === undefined) return { allowed: false, reden: 'CONTEXT_ONBESCHIKBAAR' };
  // A case about to be opened exists for nobody yet, so there is nothing to hide: a caller
  // without a relation to it is simply not the one to open it.
  if (ctx === null) return { allowed: false, reden: opensCase ? 'RELATIE' : 'ONBEKEND' };
  if (!opensCase && !hasRelation(caller, ctx)) return { allowed: false, reden: 'ONBEKEND' };
  const relaties = relationsOf(caller, ctx);
  const fitting = rows.filter((g) => g.relatie !== 'GEEN' && relaties.includes(g.relatie));
  if (fitting.length === 0) return { allowed: false, reden: 'RELATIE', fase: ctx.fase };
  if (versie !== undefined && ctx.versie !== undefined && versie !== ctx.versie) return { allowed: false, reden: 'VERSIE', huidigeVersie: ctx.versie };
  const row = fitting.find((g) => g.fasen.includes(ctx.fase));
  if (!row) return { allowed: false, reden: 'FASE', fase: ctx.fase };
  return { allowed: true, relatie: row.relatie };
}

/** What a melding would open: the case a caller relates to before it exists (DESIGN §3 step 2). */
export interface NieuweMelding {
  readonly gemeente: string;
  /** The care provider that files with the resident's machtiging, if one does. */
  readonly melder?: string | null | undefined;
  /** The resident's pseudonym; a resident filing for themself is their own login subject. */
  readonly betrokkene?: string | null | undefined;
}

export function meldingsTraject(melding: NieuweMelding): CaseContext | null {
  const regio = regioVanGemeente(melding.gemeente);
  if (!regio) return null;
  return {
    trajectId: '',
    fase: 'MELDING',
    gemeente: melding.gemeente,
    regio,
    betrokkene: melding.betrokkene ?? '',
    geselecteerd: [],
    melder: melding.melder ?? null,
    toestemmingen: [],
    doorbrekingen: [],
  };
}
