/**
 * Variables that do not fit their declared types (`"WEEK"` for a `Periode`, a number for a `String!`,
 * a required one missing) are refused before anything is planned: HTTP 400, `BAD_USER_INPUT`, the
 * variable named in the message. Hive's Rust query-planner runtime coerces variables itself and
 * reports such errors as an ordinary 200 without a code; partners were promised the 400.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { getOperationAST, getVariableValues, GraphQLError } from 'graphql';

export function useVariableCheck(): GatewayPlugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation?.variableDefinitions?.length) return;
      const coerced = getVariableValues(args.schema, operation.variableDefinitions, args.variableValues ?? {}, { maxErrors: 10 });
      if (!coerced.errors) return;
      setResultAndStopExecution({
        errors: coerced.errors.map(
          (e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } }),
        ),
      });
    },
  };
}
