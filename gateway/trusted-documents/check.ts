/**
 * The check a document passes before it is registered: it parses within the operation limits, holds
 * at least one operation, and validates against the registering party's own contract (the fields it
 * could ever see, the acts it may ever perform) — a document the gateway would refuse is never put
 * before the privacy officer. Then what each operation can touch is derived (`derive.ts`).
 */
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import { GraphQLError, Kind, validate, type GraphQLSchema } from 'graphql';
import { withoutSuggestions } from '../../schema/errors.js';
import { DEFAULT_LIMITS, parseWithinLimits, type OperationLimits } from '../../schema/limits/operation-limits.js';
import type { Partij } from '../../schema/vocabulary.js';
import { contractCache, forbiddenCoordinates, supergraphDeclarations, type Contracts } from '../contracts.js';
import { deriveVerwerkingen, type OperatieVerwerkingen } from './derive.js';

export type Beoordeling =
  | { readonly geldig: true; readonly operaties: readonly OperatieVerwerkingen[] }
  /** Why the document cannot be registered: parse, limit and validation messages (no suggestions). */
  | { readonly geldig: false; readonly fouten: readonly string[] };

export type DocumentCheck = (tekst: string, partij: Partij) => Beoordeling;

export interface DocumentCheckOptions {
  readonly supergraphSdl: string;
  /** The parties' contracts, when the caller has them already. @default forbiddenCoordinates(supergraphSdl) */
  readonly contracts?: Contracts;
  /** @default DEFAULT_LIMITS */
  readonly limits?: OperationLimits;
}

export function createDocumentCheck({ supergraphSdl, contracts = forbiddenCoordinates(supergraphSdl), limits = DEFAULT_LIMITS }: DocumentCheckOptions): DocumentCheck {
  const declarations = supergraphDeclarations(supergraphSdl);
  const contractFor = contractCache(contracts);
  let api: GraphQLSchema | undefined;
  return (tekst, partij) => {
    let document;
    try {
      document = parseWithinLimits(tekst, limits);
    } catch (error) {
      if (error instanceof GraphQLError) return { geldig: false, fouten: [error.message] };
      throw error;
    }
    if (!document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)) return { geldig: false, fouten: ['Het document bevat geen operatie.'] };
    api ??= getStitchedSchemaFromSupergraphSdl({ supergraphSdl });
    const schema = contractFor(api, partij);
    const errors = validate(schema, document);
    if (errors.length > 0) return { geldig: false, fouten: errors.map((e) => withoutSuggestions(e.message)) };
    return { geldig: true, operaties: deriveVerwerkingen(schema, declarations, document, partij) };
  };
}
