/**
 * Whether a caller may see the fund data of a case now: a relation to the case AND the policy cell
 * of that relation and phase naming FONDS. Lists use it so they never hold a claim whose fields would
 * all be refused — which would still tell a gemeente, say, that a claim exists.
 */
import { decide, type FieldDeclaration } from '../../../schema/decide.js';
import type { SubgraphContext } from '../../common/server.js';

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
