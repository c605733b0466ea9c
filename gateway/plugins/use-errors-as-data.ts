/**
 * Refusals are data: a regisseur's view of 20 cases carries about 60 of them, and each used to be
 * rebuilt five times on its way through the gateway, every copy with a stack. Two of those costs are
 * not the gateway's to pay:
 *
 * - A subgraph's error arrives as JSON. The HTTP executor makes a `GraphQLError` of it whose stack is
 *   the gateway's own parsing frames, which say nothing about the subgraph's refusal or fault. The
 *   planner then relocates it to the client's path, and graphql-js gives the copy its original's
 *   stack by redefining the property, which makes V8 format the copy's own captured stack first,
 *   through the source maps that tsx enables (about 5 ms of CPU per view on the development
 *   machine). The stack is emptied when the error arrives; the copy then keeps a captured one.
 * - The serialiser (graphql-yoga's `omitInternalsFromError`) rebuilds every `GraphQLError` of the
 *   answer, its causes included, only to drop `extensions.http` and `unexpected`. After masking
 *   (`mask-errors.ts`) an error that carries neither is already what the partner gets, so it goes to
 *   the serialiser as its JSON form: the same bytes, without the copies.
 *
 * What is left of a subgraph's error is its message, path and extensions (`code`, `reden`,
 * `serviceName`): everything a partner and the masking use.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Empty, and assigned rather than defined: V8 formats a captured stack when its property is
 * redefined or described, and graphql-js redefines a copy's stack whenever its `originalError` has
 * a non-empty one, so each relocation would format the copy's own fresh stack instead.
 */
function withoutStack(error: unknown): void {
  if (error instanceof Error) error.stack = '';
}

/** An error the serialiser would copy without changing what it prints. */
function isFinal(error: unknown): error is GraphQLError {
  return error instanceof GraphQLError && error.originalError == null && error.extensions['http'] == null && error.extensions['unexpected'] == null;
}

export function useErrorsAsData(): GatewayPlugin {
  return {
    onSubgraphExecute() {
      return ({ result }) => {
        // A subscription's stream has no errors to rewrite here; only single results come this way.
        if (result && 'errors' in result) for (const error of result.errors ?? []) withoutStack(error);
      };
    },
    onResultProcess({ result, setResult }) {
      // Only an execution's own answer: its `data` keeps the status 200 that a plain error alone
      // would turn into a 500 (graphql-yoga counts a non-GraphQLError as unexpected).
      if (Array.isArray(result) || !('data' in result) || !('errors' in result) || !result.errors?.length) return;
      if (!result.errors.some(isFinal)) return;
      const errors: (GraphQLFormattedError | GraphQLError)[] = result.errors.map((error) => (isFinal(error) ? error.toJSON() : error));
      setResult({ ...result, errors } as never);
    },
  };
}
