/**
 * `npm run verify-log`'s core, apart from opening databases so tests can run it on live handles:
 * verifies each subgraph's chain and says, per subgraph, "ok, n rows checked" or the first broken
 * link — from there on that organisation's log cannot be trusted.
 */
import type { Db } from '../database.js';
import type { LogboekTables } from './tables.js';
import { verifyChain, type VerifyResult } from './verify.js';

export interface VerifyTarget {
  readonly subgraph: string;
  readonly db: Db;
  readonly schema: string;
  readonly tables: LogboekTables;
}

export type VerifyOutcome =
  | { readonly subgraph: string; readonly status: 'ok'; readonly checked: number }
  | { readonly subgraph: string; readonly status: 'gebroken'; readonly brokenAt: number; readonly reason: string }
  | { readonly subgraph: string; readonly status: 'niet-gecontroleerd'; readonly reason: string };

/** Every target in turn; a target that cannot be read is reported, never taken for intact. */
export async function verifyLogs(targets: readonly VerifyTarget[], pageSize?: number): Promise<VerifyOutcome[]> {
  const out: VerifyOutcome[] = [];
  for (const t of targets) {
    let result: VerifyResult;
    try {
      result = await verifyChain({ db: t.db, schema: t.schema, tables: t.tables, ...(pageSize ? { pageSize } : {}) });
    } catch (error) {
      out.push({ subgraph: t.subgraph, status: 'niet-gecontroleerd', reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    out.push(
      result.ok
        ? { subgraph: t.subgraph, status: 'ok', checked: result.checked }
        : { subgraph: t.subgraph, status: 'gebroken', brokenAt: result.brokenAt, reason: result.reason },
    );
  }
  return out;
}

/** 0 when every chain is intact, 1 when any is broken, 2 when none is broken but one could not be checked. */
export function exitCodeOf(outcomes: readonly VerifyOutcome[]): 0 | 1 | 2 {
  if (outcomes.some((o) => o.status === 'gebroken')) return 1;
  if (outcomes.length === 0 || outcomes.some((o) => o.status === 'niet-gecontroleerd')) return 2;
  return 0;
}

export function formatOutcome(o: VerifyOutcome): string {
  switch (o.status) {
    case 'ok':
      return `${o.subgraph}: ok, ${o.checked} ${o.checked === 1 ? 'rij' : 'rijen'} gecontroleerd`;
    case 'gebroken':
      return `${o.subgraph}: GEBROKEN bij seq ${o.brokenAt}: ${o.reason}`;
    case 'niet-gecontroleerd':
      return `${o.subgraph}: NIET GECONTROLEERD: ${o.reason}`;
  }
}
