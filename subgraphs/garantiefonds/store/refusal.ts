/**
 * The fund's refusals as GraphQL errors: `extensions.code` is the first (most basic) reason,
 * `extensions.codes` all of them, so a partner system can fix a form in one go. Messages are the
 * domain's Dutch sentences; details never carry personal values.
 */
import type { GraphQLError } from 'graphql';
import { weigering } from '../../../schema/errors.js';
import { refuse, type FondsErrorCode, type Refusal } from '../domain/index.js';

export function fondsWeigering(refusal: Refusal, details: Record<string, unknown> = {}): GraphQLError {
  return weigering(refusal.codes[0] ?? 'ONGELDIGE_INVOER', refusal.message, { codes: [...refusal.codes], ...details });
}

/** A refusal for one code, with an optional detail for the message. */
export function weigerFonds(code: FondsErrorCode, detail?: string, details: Record<string, unknown> = {}): GraphQLError {
  return fondsWeigering(refuse([code], detail), details);
}
