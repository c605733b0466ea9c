/**
 * Whether a caller may see the fund data of a case now: a relation to the case AND the policy cell
 * of that relation and phase naming FONDS. Lists use it so they never hold a claim whose fields would
 * all be refused — which would still tell a gemeente, say, that a claim exists.
 */
import { decide, type FieldDeclaration } from '../../../schema/decide.js';
import type { SubgraphContext } from '../../common/server.js';
import type { AanvraagRow } from '../db/tables.js';

const FONDS_VELD: FieldDeclaration = {
  coordinate: 'Garantieaanvraag.id',
  categorie: 'FONDS',
  grondslag: 'OVEREENKOMST',
  doel: 'GARANTIEFONDS_AFWIKKELING',
};

export async function magFondsZien(ctx: SubgraphContext, trajectId: string): Promise<boolean> {
  const policy = await ctx.dosering.contextFor(trajectId);
  return decide(ctx.caller, policy, FONDS_VELD, ctx.now()).allowed;
}

/** The claims among `rows` the caller may see now: the fund all, a regisseur its region's, a corporation its own. */
export async function zichtbareAanvragen(ctx: SubgraphContext, rows: readonly AanvraagRow[]): Promise<AanvraagRow[]> {
  const { partij, organisatie } = ctx.caller;
  if (partij !== 'GARANTIEFONDS' && partij !== 'REGISSEUR' && partij !== 'CORPORATIE') return [];
  const candidates = partij === 'CORPORATIE' ? rows.filter((r) => r.corporatie === organisatie) : rows;
  const visible = await Promise.all(candidates.map((r) => magFondsZien(ctx, r.trajectId)));
  return candidates.filter((_, i) => visible[i]);
}
