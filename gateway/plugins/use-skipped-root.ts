/**
 * An operation whose every root field is left out by `@skip`/`@include` (`{ organisaties
 * @include(if: false) { … } }`) asks for nothing, and GraphQL answers `{ "data": {} }`. Hive's Rust
 * query planner plans no fetch for it and its runtime then fails ("Unexpected error."), so the
 * gateway gives the empty answer itself before planning.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  getDirectiveValues,
  getOperationAST,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

type Variables = Record<string, unknown> | undefined;

function included(node: SelectionNode, variables: Variables): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.['if'] !== false;
}

/** True when at least one field of `set` (through fragments) survives `@skip`/`@include`. */
function selectsAField(set: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, variables: Variables, seen = new Set<string>()): boolean {
  return set.selections.some((node) => {
    if (!included(node, variables)) return false;
    if (node.kind === Kind.FIELD) return true;
    if (node.kind === Kind.INLINE_FRAGMENT) return selectsAField(node.selectionSet, fragments, variables, seen);
    const name = node.name.value;
    const fragment = fragments.get(name);
    if (!fragment || seen.has(name)) return false;
    seen.add(name);
    return selectsAField(fragment.selectionSet, fragments, variables, seen);
  });
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return fragments;
}

export function useSkippedRoot(): GatewayPlugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      // Directives are rare at the root; most operations are passed on after one look at each root field.
      if (!operation.selectionSet.selections.some((s) => s.directives?.length || s.kind !== Kind.FIELD)) return;
      try {
        if (selectsAField(operation.selectionSet, fragmentsOf(args.document), args.variableValues ?? undefined)) return;
      } catch {
        return; // a directive's `if` that does not coerce: execution reports it as it would anyway
      }
      setResultAndStopExecution({ data: {} });
    },
  };
}
