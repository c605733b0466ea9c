/**
 * `GET /metrics` for Prometheus, from Hive Gateway's own plugin (@graphql-mesh/plugin-prometheus):
 * requests and their duration by status and operation, the phases (parse, validate, execute), errors
 * by code, and every subgraph fetch's duration and errors by subgraph. Only what says nothing about a
 * resident is a label: never the URL (a GET carries its variables in it), never an error's path (it
 * names list positions and aliases), never a header (the token travels in one). A registry per
 * gateway, so gateways in one process (`npm start`, tests) do not share counters.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Logger } from '@graphql-hive/logger';
import useMeshPrometheus from '@graphql-mesh/plugin-prometheus';
import { Registry } from 'prom-client';

export const METRICS_PATH = '/metrics';

export function useMetrics({ log }: { log: Logger }): GatewayPlugin {
  return useMeshPrometheus({
    log,
    registry: new Registry(),
    endpoint: METRICS_PATH,
    metrics: {
      graphql_yoga_http_duration: true,
      graphql_envelop_request: true,
      graphql_envelop_request_duration: true,
      graphql_envelop_phase_parse: true,
      graphql_envelop_phase_validate: true,
      graphql_envelop_phase_execute: true,
      graphql_envelop_error_result: true,
      graphql_gateway_fetch_duration: true,
      graphql_gateway_subgraph_execute_duration: true,
      graphql_gateway_subgraph_execute_errors: true,
    },
    labels: {
      url: false,
      path: false,
      fetchRequestHeaders: false,
      fetchResponseHeaders: false,
    },
  }) as GatewayPlugin;
}
