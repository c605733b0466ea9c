/**
 * The dosing decision: one pure function over the caller, the case's policy context and the field's
 * declaration. No I/O, so it can be tested exhaustively and benchmarked per call.
 */
import type { Caller, CaseContext, DoorbrekingScope, Ontvanger, ToestemmingScope } from './context.js';
import { POLICY, categoriesEverVisible, type PolicyCell, type PolicyTable, type Relatie } from './policy.js';
import { relationsOf } from './relations.js';
import { PARTIJEN, type Doel, type Fase, type Gegevenscategorie, type Grondslag, type Partij } from './vocabulary.js';

/** What the schema declares about a field (the `@dosering` directive) plus where it is. */
export interface FieldDeclaration {
  readonly coordinate: string;
  readonly categorie: Gegevenscategorie;
  readonly grondslag: Grondslag;
  readonly doel: Doel;
}

/** Why a field was refused; also the `reden` in the error's extensions. */
export type Reden = 'PARTIJ' | 'RELATIE' | 'FASE' | 'TOESTEMMING' | 'CONTEXT_ONBESCHIKBAAR';

export type Decision =
  | {
      readonly allowed: true;
      readonly relatie: Relatie;
      readonly fase: Fase;
      readonly grondslag: Grondslag;
      readonly doel: Doel;
      readonly toestemmingId?: string;
      readonly doorbrekingId?: string;
    }
  | {
      readonly allowed: false;
      readonly reden: Reden;
      readonly partij: Partij;
      readonly categorie: Gegevenscategorie;
      readonly fase?: Fase;
      readonly relatie?: Relatie;
    };

const everVisible = new Map(PARTIJEN.map((p) => [p, categoriesEverVisible(p)]));

/**
 * Parties whose consents must name one organisation ("eis der gerichtheid", seed 000 Bijlage 3):
 * a consent "to the corporations" is not targeted. For the others (the region's regisseur, the
 * resident's gemeente) the party is already one organisation for the case.
 */
export const GERICHT_OP_ORGANISATIE: ReadonlySet<Partij> = new Set(['CORPORATIE', 'ZORGAANBIEDER']);

function receives(ontvanger: Ontvanger, caller: Caller): boolean {
  if (ontvanger.partij !== caller.partij) return false;
  if (ontvanger.organisatie) return ontvanger.organisatie === caller.organisatie;
  return !GERICHT_OP_ORGANISATIE.has(caller.partij);
}

function at(iso: string): number {
  return Date.parse(iso);
}

/** A consent is valid now if given, not yet expired, not withdrawn, and covers recipient, category and purpose. */
export function consentCovers(
  t: ToestemmingScope,
  caller: Caller,
  categorie: Gegevenscategorie,
  doel: Doel,
  now: number,
): boolean {
  return (
    t.richting === 'VERSTREKKEN' &&
    receives(t.ontvanger, caller) &&
    t.categorieen.includes(categorie) &&
    t.doel === doel &&
    at(t.gegevenOp) <= now &&
    now < at(t.geldigTot) &&
    (!t.ingetrokkenOp || now < at(t.ingetrokkenOp))
  );
}

function overrideCovers(d: DoorbrekingScope, caller: Caller, coordinate: string, now: number): boolean {
  return receives(d.ontvanger, caller) && d.velden.includes(coordinate) && at(d.vanaf) <= now && now < at(d.tot);
}

/**
 * Decide whether `caller` may resolve `field` of the case described by `ctx`.
 * `ctx` is `undefined` when the context could not be loaded (fail closed) and `null` when the case
 * is unknown or has no relation to the caller (answered exactly like a missing relation).
 */
export function decide(
  caller: Caller,
  ctx: CaseContext | null | undefined,
  field: FieldDeclaration,
  now: number = Date.now(),
  table: PolicyTable = POLICY,
): Decision {
  const refuse = (reden: Reden, extra: { fase?: Fase; relatie?: Relatie } = {}): Decision => ({
    allowed: false,
    reden,
    partij: caller.partij,
    categorie: field.categorie,
    ...extra,
  });
  const ever = table === POLICY ? everVisible.get(caller.partij) : categoriesEverVisible(caller.partij, table);
  if (!ever?.has(field.categorie)) return refuse('PARTIJ');
  if (ctx === undefined) return refuse('CONTEXT_ONBESCHIKBAAR');
  if (ctx === null) return refuse('RELATIE');
  const relaties = relationsOf(caller, ctx);
  // No relation, or none with a cell in this phase: the caller may not know the case exists, so the
  // refusal must read exactly as for an unknown id (no phase, no relation).
  if (!relaties.some((r) => table[caller.partij][r]?.[ctx.fase])) return refuse('RELATIE');

  let needsConsent: Relatie | undefined;
  for (const relatie of relaties) {
    const c: PolicyCell | undefined = table[caller.partij][relatie]?.[ctx.fase];
    if (!c) continue;
    if (c.basis.includes(field.categorie)) {
      return { allowed: true, relatie, fase: ctx.fase, grondslag: c.grondslag, doel: c.doel };
    }
    if (!c.toestemming.includes(field.categorie)) continue;
    needsConsent = relatie;
    const t = ctx.toestemmingen.find((x) => consentCovers(x, caller, field.categorie, c.doel, now));
    if (t) return { allowed: true, relatie, fase: ctx.fase, grondslag: 'TOESTEMMING', doel: c.doel, toestemmingId: t.id };
    // Conflict van plichten stands in for a consent that could not be asked, never for a blank cell.
    const d = ctx.doorbrekingen.find((x) => overrideCovers(x, caller, field.coordinate, now));
    if (d) {
      return { allowed: true, relatie, fase: ctx.fase, grondslag: 'CONFLICT_VAN_PLICHTEN', doel: c.doel, doorbrekingId: d.id };
    }
  }
  if (needsConsent) return refuse('TOESTEMMING', { fase: ctx.fase, relatie: needsConsent });
  return refuse('FASE', { fase: ctx.fase, relatie: relaties[0]! });
}

/** Which refusal explains an object best when none of its categories may be read: the most actionable. */
const REDEN_GEWICHT: Record<Reden, number> = { TOESTEMMING: 4, FASE: 3, RELATIE: 2, CONTEXT_ONBESCHIKBAAR: 1, PARTIJ: 0 };

/**
 * Decides an object or list that stands for several categories (an `Inwoner`, a `Melding`): it
 * exists for the caller when any of them may be read. Returns the deciding declaration with it, so
 * the access record names the category that opened (or best explains refusing) the object.
 */
export function decideAny(
  caller: Caller,
  ctx: CaseContext | null | undefined,
  fields: readonly FieldDeclaration[],
  now: number = Date.now(),
): { readonly decision: Decision; readonly field: FieldDeclaration } {
  let best: { decision: Decision; field: FieldDeclaration } | undefined;
  for (const field of fields) {
    const decision = decide(caller, ctx, field, now);
    if (decision.allowed) return { decision, field };
    if (!best || (!best.decision.allowed && REDEN_GEWICHT[decision.reden] > REDEN_GEWICHT[best.decision.reden])) best = { decision, field };
  }
  if (!best) throw new Error('decideAny needs at least one declaration');
  return best;
}

/** Whether the caller has any relation to the case in its current phase (lists, `traject(id)`). */
export function hasRelation(caller: Caller, ctx: CaseContext, table: PolicyTable = POLICY): boolean {
  return relationsOf(caller, ctx).some((r) => table[caller.partij][r]?.[ctx.fase] !== undefined);
}
