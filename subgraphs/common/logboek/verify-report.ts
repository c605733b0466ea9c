/**
 * `npm run verify-log`'s core, apart from opening databases so tests can run it on live handles:
 * verifies each subgraph's chain and says, per subgraph, "ok, n rows checked" or the first broken
 * link — from there on that organisation's log cannot be trusted.
 */
import type { Db } from '../database.js';
import type { LogboekTables } from './tables.js';
import { verifyChain, type CheckpointHead, type VerifyResult } from './verify.js';

export interface VerifyTarget {
  readonly subgraph: string;
  readonly db: Db;
  readonly schema: string;
  readonly tables: LogboekTables;
  /**
   * Reads the newest signed head checkpoint of this log (`checkpoint.ts`): null when none was ever
   * published; throws when one is present but forged or unreadable (the log is then reported broken).
   */
  readonly checkpoint?: () => Promise<CheckpointHead | null>;
}

export type VerifyOutcome =
  | {
      readonly subgraph: string;
      readonly status: 'ok';
      readonly checked: number;
      readonly audit?: { readonly checked: number; readonly ongeketend: number };
      /** The seq the newest signed checkpoint vouches for; null when there was none to check against. */
      readonly controlepunt?: number | null;
    }
  | {
      readonly subgraph: string;
      readonly status: 'gebroken';
      readonly brokenAt: number;
      readonly reason: string;
      readonly keten?: 'audit';
      readonly afgekaptNa?: number;
    }
  | { readonly subgraph: string; readonly status: 'niet-gecontroleerd'; readonly reason: string };

/** Every target in turn; a target that cannot be read is reported, never taken for intact. */
export async function verifyLogs(targets: readonly VerifyTarget[], pageSize?: number): Promise<VerifyOutcome[]> {
  const out: VerifyOutcome[] = [];
  for (const t of targets) {
    let result: VerifyResult;
    let checkpoint: CheckpointHead | null = null;
    if (t.checkpoint) {
      try {
        checkpoint = await t.checkpoint();
      } catch (error) {
        // A checkpoint that is there but does not verify is no absence: someone wrote it who lacks the key.
        out.push({ subgraph: t.subgraph, status: 'gebroken', brokenAt: 0, reason: `controlepunt ongeldig: ${error instanceof Error ? error.message : String(error)}` });
        continue;
      }
    }
    try {
      result = await verifyChain({ db: t.db, schema: t.schema, tables: t.tables, ...(pageSize ? { pageSize } : {}), checkpoint: checkpoint ?? undefined });
    } catch (error) {
      out.push({ subgraph: t.subgraph, status: 'niet-gecontroleerd', reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    out.push(
      result.ok
        ? {
            subgraph: t.subgraph,
            status: 'ok',
            checked: result.checked,
            audit: result.audit,
            ...(t.checkpoint ? { controlepunt: checkpoint?.seq ?? null } : {}),
          }
        : {
            subgraph: t.subgraph,
            status: 'gebroken',
            brokenAt: result.brokenAt,
            reason: result.reason,
            ...(result.keten ? { keten: result.keten } : {}),
            ...(result.afgekaptNa !== undefined ? { afgekaptNa: result.afgekaptNa } : {}),
          },
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
    case 'ok': {
      const parts = [`${o.subgraph}: ok, ${o.checked} ${o.checked === 1 ? 'rij' : 'rijen'} gecontroleerd`];
      if (o.audit) {
        parts.push(`${o.audit.checked} ${o.audit.checked === 1 ? 'auditrij' : 'auditrijen'} gecontroleerd`);
        if (o.audit.ongeketend > 0) parts.push(`${o.audit.ongeketend} auditrijen van vóór de auditketen niet controleerbaar`);
      }
      if (o.controlepunt === null) parts.push('geen controlepunt: afkappen van de nieuwste rijen niet uit te sluiten');
      else if (o.controlepunt !== undefined) parts.push(`reikt tot het controlepunt (seq ${o.controlepunt})`);
      return parts.join(', ');
    }
    case 'gebroken': {
      const keten = o.keten === 'audit' ? 'audit ' : '';
      if (o.afgekaptNa !== undefined) return `${o.subgraph}: GEBROKEN: ${keten}afgekapt na seq ${o.afgekaptNa} (${o.reason})`;
      if (o.keten === 'audit') return `${o.subgraph}: GEBROKEN bij audit-seq ${o.brokenAt}: ${o.reason}`;
      if (o.brokenAt === 0) return `${o.subgraph}: GEBROKEN: ${o.reason}`;
      return `${o.subgraph}: GEBROKEN bij seq ${o.brokenAt}: ${o.reason}`;
    }
    case 'niet-gecontroleerd':
      return `${o.subgraph}: NIET GECONTROLEERD: ${o.reason}`;
  }
}
