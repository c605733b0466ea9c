/**
 * What an act processed, as the access log records it. An act changes a case (and with it the
 * resident's data), so it is processing like any read: the record names the act's mutation as the
 * field, the case and its subject, and the basis and purpose of the acting party's cell of the
 * policy table for the relation and phase the acts table let it act in. Category `TRAJECT`: every
 * cell grants it, and what the act wrote is told by the mutation's name, never by a value.
 */
import type { Caller, CaseContext } from './context.js';
import type { FieldDeclaration } from './decide.js';
import type { ActRule, Machtiging } from './acts.js';
import { POLICY, type PolicyCell, type PolicyTable, type Relatie } from './policy.js';
import type { AccessRecord } from './transform.js';
import type { Fase } from './vocabulary.js';

/**
 * The basis and purpose an act of `row` rests on in `fase`: the row's own where it names one, else
 * the acting party's cell of the policy table for that relation and phase.
 */
export function actBasis(row: Machtiging, fase: Fase, table: PolicyTable = POLICY): Pick<PolicyCell, 'grondslag' | 'doel'> | undefined {
  if (row.vastlegging) return row.vastlegging;
  return row.relatie === 'GEEN' ? undefined : table[row.partij][row.relatie]?.[fase];
}

/**
 * The record of act `naam`, performed by `caller` in `relatie` on case `trajectId` whose context
 * (phase, subject) the guard decided on, under the basis of the row that allowed it. Throws when
 * there is none: the acts table then lets a party act where it may not even know the case, which a
 * test forbids.
 */
export function actRecord(naam: string, rule: ActRule, caller: Caller, zaak: CaseContext, relatie: Relatie, trajectId: string): AccessRecord {
  const row = rule.mag.find((g) => g.partij === caller.partij && g.relatie === relatie && (g.rol === undefined || g.rol === caller.rol) && g.fasen.includes(zaak.fase));
  const cell = row && actBasis(row, zaak.fase);
  if (!cell) throw new Error(`Mutation.${naam}: no basis for ${caller.partij} (${relatie}) in ${zaak.fase}`);
  const field: FieldDeclaration = { coordinate: `Mutation.${naam}`, categorie: 'TRAJECT', grondslag: cell.grondslag, doel: cell.doel };
  return {
    trajectId,
    betrokkene: zaak.betrokkene || null,
    field,
    decision: { allowed: true, relatie, fase: zaak.fase, grondslag: cell.grondslag, doel: cell.doel },
  };
}
