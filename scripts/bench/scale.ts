/**
 * `npm run bench -- --only=scale` (issue 13, item 5): the regisseur's 20-case view and the Werkgroep's
 * 36-month figures on 1k, 10k and 100k cases (`--sizes=`), each size in its own database on the
 * PostgreSQL server of `DATABASE_URL` (`scripts/scale/databases.ts`: loaded once, then reused).
 * Prints p50 and p99 per size and the ratio of each p50 to the smallest size's.
 */
import type { DevKeys } from '../../gateway/dev-issuer/keys.js';
import type { Logger } from '../../subgraphs/common/observability/log.js';
import { launchFederation } from '../federation.js';
import { ensureScaleDatabase } from '../scale/databases.js';
import { compare, type ComparisonRow } from './compare.js';

export interface ScaleBenchOptions {
  readonly baseUrl: string;
  readonly sizes: readonly number[];
  readonly clients: readonly number[];
  readonly seconds: number;
  readonly devKeys: DevKeys;
  readonly logger: Logger;
  readonly fetch: typeof fetch;
  readonly log: (line: string) => void;
}

const WORKLOADS = ['regisseur', 'werkgroep'];

export async function benchScale(options: ScaleBenchOptions): Promise<void> {
  const { log } = options;
  const results: { size: number; rows: ComparisonRow[] }[] = [];
  for (const size of options.sizes) {
    const { url, loaded } = await ensureScaleDatabase(options.baseUrl, { aantal: size, log });
    log(loaded ? `scale ${size}: loaded in ${loaded.seconds.toFixed(0)} s (${loaded.records} access records)` : `scale ${size}: reusing ${new URL(url).pathname.slice(1)}`);
    const fed = await launchFederation({ devKeys: options.devKeys, gatewayPort: 0, logger: options.logger, databaseUrl: () => url });
    try {
      const rows = await compare({
        fed,
        columns: [{ name: 'federation', gatewayUrl: fed.gatewayUrl }],
        workloads: WORKLOADS,
        clients: options.clients,
        seconds: options.seconds,
        fetch: options.fetch,
        log,
      });
      results.push({ size, rows });
    } finally {
      await fed.stop();
    }
  }
  const base = results[0];
  log('');
  log(`scale on PostgreSQL, ${options.seconds} s per cell; p50 · p99 in ms; ×first is p50 over the p50 at ${base?.size ?? '?'} cases:`);
  log('| workload | clients | ' + results.map((r) => `${r.size} cases p50 · p99 · req/s | ×first`).join(' | ') + ' |');
  log('|---|---|' + results.map(() => '---|---|').join(''));
  for (const [i, first] of (base?.rows ?? []).entries()) {
    const cells = results.map((r) => {
      const c = r.rows[i]?.columns.federation;
      const b = first.columns.federation;
      return c && b ? `${c.p50.toFixed(0)} · ${c.p99.toFixed(0)} · ${c.rps.toFixed(1)} | ${(c.p50 / b.p50).toFixed(2)}` : '– | –';
    });
    log(`| ${first.label} | ${first.clients} | ${cells.join(' | ')} |`);
  }
}
