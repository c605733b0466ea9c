/**
 * The gateway's static layer of dosing: an operation that asks a field the caller's party may never
 * see (in any phase, relation or consent state) is refused before anything runs, and introspection
 * shows each party only its own contract. The subgraphs still decide per field at run time.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  execute,
  validate,
  GraphQLError,
  Kind,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ASTVisitor,
} from 'graphql';
import { ErrorCode, withoutSuggestions } from '../../schema/errors.js';
import type { Partij } from '../../schema/vocabulary.js';
import { contractCache, type Contracts } from '../contracts.js';
import { callerOf } from './use-authentication.js';
import { NO_LOG, type GatewayLog } from '../request-log.js';

export interface StaticDosingOptions {
  readonly contracts: Contracts;
  /**
   * Where refusals are recorded: who (party, organisation, user) asked which fields. They carry no
   * personal data, so they go to the gateway's operational log, not to a subgraph's access log.
   */
  readonly log?: GatewayLog;
}

function refuseNeverVisible(partij: Partij, forbidden: ReadonlySet<string>) {
  return (context: ValidationContext): ASTVisitor => ({
    Field(node) {
      const parent = context.getParentType();
      const coordinate = parent ? `${parent.name}.${node.name.value}` : '';
      if (!forbidden.has(coordinate)) return;
      context.reportError(
        new GraphQLError(`Dosering: ${coordinate} is voor partij ${partij} in geen enkele fase zichtbaar.`, {
          nodes: node,
          extensions: { code: ErrorCode.DOSERING_GEWEIGERD, reden: 'PARTIJ', partij, veld: coordinate, http: { status: 403 } },
        }),
      );
    },
  });
}

/**
 * The fields of `document` that `partij` can never see, each a refusal. graphql-js stops after 100
 * errors with an error of its own, without a code: past that limit the refusal says so itself, so
 * every error a partner gets carries a code.
 */
export function staticVerdict(schema: GraphQLSchema, document: DocumentNode, partij: Partij, forbidden: ReadonlySet<string>): readonly GraphQLError[] {
  return validate(schema, document, [refuseNeverVisible(partij, forbidden)]).map((e) =>
    e.extensions['code']
      ? e
      : new GraphQLError(`Dosering: nog meer velden zijn voor partij ${partij} in geen enkele fase zichtbaar; de controle stopte na ${MAX_GENOEMD}.`, {
          extensions: { code: ErrorCode.DOSERING_GEWEIGERD, reden: 'PARTIJ', partij, http: { status: 403 } },
        }),
  );
}

/** graphql-js's own limit on the errors of one validation. */
const MAX_GENOEMD = 100;

function isIntrospectionOnly(document: DocumentNode): boolean {
  return document.definitions.every(
    (d) =>
      d.kind !== Kind.OPERATION_DEFINITION ||
      d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__')),
  );
}

/**
 * The check runs at execution, not as a validation rule: Yoga caches validation results per
 * document and rule *names*, so a per-party rule added in `onValidate` would let one party's
 * verdict be reused for another. Here each party keeps its own verdict per parsed document.
 */
export function useStaticDosing({ contracts, log = NO_LOG }: StaticDosingOptions): GatewayPlugin {
  const contractFor = contractCache(contracts);
  const verdicts = new Map<Partij, WeakMap<DocumentNode, readonly GraphQLError[]>>();
  const verdictFor = (schema: GraphQLSchema, document: DocumentNode, partij: Partij) => {
    let byDocument = verdicts.get(partij);
    if (!byDocument) verdicts.set(partij, (byDocument = new WeakMap()));
    let errors = byDocument.get(document);
    if (!errors) byDocument.set(document, (errors = staticVerdict(schema, document, partij, contracts.get(partij) ?? new Set())));
    return errors;
  };
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.some((e) => e.message !== withoutSuggestions(e.message))) {
          setResult(result.map((e) => new GraphQLError(withoutSuggestions(e.message), { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, extensions: e.extensions })));
        }
      };
    },
    onExecute({ args, setExecuteFn, setResultAndStopExecution }) {
      const caller = callerOf((args.contextValue as { request: Request }).request);
      if (!caller) return;
      const errors = verdictFor(args.schema, args.document, caller.partij);
      if (errors.length > 0) {
        const request = (args.contextValue as { request: Request }).request;
        const velden = errors.map((e) => e.extensions['veld']);
        log.info('statisch geweigerd', { code: ErrorCode.DOSERING_GEWEIGERD, partij: caller.partij, organisatie: caller.organisatie, velden, operationName: args.operationName ?? null }, request);
        return setResultAndStopExecution({ errors });
      }
      if (!isIntrospectionOnly(args.document)) return;
      const schema = contractFor(args.schema, caller.partij);
      setExecuteFn((a) => execute({ ...a, schema }));
    },
  };
}
