/**
 * How a caller relates to a case. Kept apart from the policy table because it is the one place that
 * turns claims into relations; the table then only says what each relation may see.
 */
import type { Caller, CaseContext } from './context.js';
import type { Relatie } from './policy.js';
import { isLaterFase } from './vocabulary.js';

export function relationsOf(caller: Caller, ctx: CaseContext): Relatie[] {
  switch (caller.partij) {
    case 'GEMEENTE':
      return caller.gemeente === ctx.gemeente ? ['EIGEN_GEMEENTE'] : [];
    case 'REGISSEUR':
      return caller.regio === ctx.regio ? ['REGIO'] : [];
    case 'CORPORATIE':
      if (ctx.gematcht) return ctx.gematcht === caller.organisatie ? ['GEMATCHT'] : [];
      // A selected corporation that was not matched loses everything once the lease phase starts,
      // even when the match itself was not recorded (e.g. the case closed before a match).
      if (isLaterFase(ctx.fase, 'CORPORATIEGESPREK')) return [];
      return ctx.geselecteerd.includes(caller.organisatie) ? ['GESELECTEERD'] : [];
    case 'ZORGAANBIEDER': {
      const r: Relatie[] = [];
      if (ctx.melder === caller.organisatie) r.push('MELDER');
      if (ctx.gekoppeldeZorgaanbieder === caller.organisatie) r.push('GEKOPPELD');
      return r;
    }
    case 'GARANTIEFONDS':
      return ['FONDS'];
    case 'INWONER':
      return caller.sub === ctx.betrokkene ? ['ZELF'] : [];
    case 'WERKGROEP':
    case 'TOEZICHT':
      return [];
  }
}
