/**
 * Runs once per `vitest run`: makes the empty PGlite cluster (initdb, seconds of WASM on two cores)
 * and hands its dump to every test file's process, and to the processes the tests start, through
 * `PGLITE_TEMPLATE` (`subgraphs/common/database.ts`). Each of them used to run the same initdb first.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyCluster } from '../../subgraphs/common/database.js';

export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'woonkans-pglite-'));
  const file = join(dir, 'leeg-cluster.tar');
  writeFileSync(file, Buffer.from(await (await emptyCluster()).arrayBuffer()));
  process.env['PGLITE_TEMPLATE'] = file;
  return () => rmSync(dir, { recursive: true, force: true });
}
