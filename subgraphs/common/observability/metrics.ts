/**
 * A subgraph's Prometheus metrics, served at its own `GET /metrics`: requests and their duration by
 * operation type, refusals and errors by code, the access log's write latency (what a request
 * waits for its records to be committed, and each group-commit batch), and the policy-context
 * lookups. A registry per subgraph, so subgraphs in one process (`npm start`, tests) keep their own
 * counters. Labels hold only closed sets (operation type, catalogue code, outcome) — never a URL, an
 * id, a path or a header value.
 */
import { Counter, Histogram, Registry } from 'prom-client';

export const METRICS_PATH = '/metrics';

export type OperationType = 'query' | 'mutation' | 'subscription' | 'onbekend';
export type Outcome = 'ok' | 'fout';

/** Seconds: from a cached lookup (1 ms) to the policy context's timeout (3 s) and beyond. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface SubgraphMetrics {
  readonly registry: Registry;
  readonly requests: Counter<'operation_type'>;
  readonly duration: Histogram<'operation_type'>;
  readonly errors: Counter<'code'>;
  readonly accessLogWrite: Histogram<'outcome'>;
  readonly accessLogBatch: Histogram<'outcome'>;
  readonly policyContext: Histogram<'outcome'>;
}

export function createSubgraphMetrics(subgraph: string): SubgraphMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ subgraph });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({ name: 'woonkans_subgraph_requests_total', help: 'GraphQL requests, by operation type', labelNames: ['operation_type'], registers }),
    duration: new Histogram({ name: 'woonkans_subgraph_request_duration_seconds', help: 'GraphQL request duration, by operation type', labelNames: ['operation_type'], buckets: BUCKETS, registers }),
    errors: new Counter({ name: 'woonkans_subgraph_errors_total', help: 'Errors in responses by extensions.code: refusals (DOSERING_GEWEIGERD, NIET_BEVOEGD, …) and INTERNAL_SERVER_ERROR', labelNames: ['code'], registers }),
    accessLogWrite: new Histogram({ name: 'woonkans_subgraph_access_log_write_seconds', help: 'What a request waits for its access records to be committed (group commit included)', labelNames: ['outcome'], buckets: BUCKETS, registers }),
    accessLogBatch: new Histogram({ name: 'woonkans_subgraph_access_log_batch_seconds', help: 'One group-commit batch of the access log: transaction and checkpoint', labelNames: ['outcome'], buckets: BUCKETS, registers }),
    policyContext: new Histogram({ name: 'woonkans_subgraph_policy_context_seconds', help: 'Policy-context lookups (one batch per request)', labelNames: ['outcome'], buckets: BUCKETS, registers }),
  };
}

/** A code as a label: catalogue codes and GraphQL's own are upper snake case; anything else is not a label. */
export function codeLabel(code: unknown): string {
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,63}$/.test(code) ? code : 'ONBEKEND';
}

/** Times `run` into `histogram` with outcome `ok` or `fout`, passing its result or error on. */
export async function timed<T>(histogram: Histogram<'outcome'>, run: () => Promise<T>): Promise<T> {
  const end = histogram.startTimer();
  try {
    const result = await run();
    end({ outcome: 'ok' });
    return result;
  } catch (error) {
    end({ outcome: 'fout' });
    throw error;
  }
}
