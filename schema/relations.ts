/**
 * How a caller relates to a case. Kept apart from the policy table because it is the one place that
 * turns claims into relations; the table then only says what each relation may see.
 */
import type { Caller, CaseContext } from './context.js';
import type { Relatie } from './policy.js';
import { isLaterFase } from './vocabulary.js';

/** Whether the case's lease ended by eviction or departure: as the routeplanner recorded it, or as the case closed. */
export function eindigdeNegatief(ctx: CaseContext): boolean {
  const beeindiging = ctx.huur?.beeindiging;
  return beeindiging === 'ONTRUIMD' || beeindiging === 'VERTROKKEN' || (ctx.uitkomst ?? '').startsWith('HUUR_BEEINDIGD_NEGATIEF');
}

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
      // The fund has a task only where a lease ended negatively (Bijlage 3 §2: a claim follows an
      // eviction or a departure); every other case does not exist for it, whatever its phase.
      return eindigdeNegatief(ctx) ? ['FONDS'] : [];
    case 'INWONER':
      return caller.sub === ctx.betrokkene ? ['ZELF'] : [];
    case 'WERKGROEP':
    case 'TOEZICHT':
      return [];
  }
}

/**
 * Whether the caller's own subgraph may hold rows of the case, and so may ask when they expire
 * (`/bewaartermijn`). Not `hasRelation`: that asks what the caller may read *now*, while rows stay
 * after a party lost sight of the case (an offer of a corporation that was not matched, a closed
 * case's file at the gemeente) and must still be deleted on time. It is the union over the case's
 * history of the relations that write rows; every other id is answered as if it did not exist.
 */
export function houdtRijenVan(caller: Caller, ctx: CaseContext): boolean {
  switch (caller.partij) {
    case 'GEMEENTE':
      return caller.gemeente === ctx.gemeente;
    case 'REGISSEUR':
      return caller.regio === ctx.regio;
    case 'CORPORATIE':
      return ctx.gematcht === caller.organisatie || ctx.geselecteerd.includes(caller.organisatie);
    case 'GARANTIEFONDS':
      return eindigdeNegatief(ctx);
    case 'ZORGAANBIEDER':
    case 'INWONER':
    case 'WERKGROEP':
    case 'TOEZICHT':
      return false;
  }
}
