/**
 * PGlite has no checkpointer: without one of ours its write-ahead log grows with every write for
 * the life of the process. With the start parameters and the check, it stays within a few segments.
 */
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointWhenBehind, pgliteStartParams } from './pglite-wal.js';
import { emptyCluster } from './database.js';

const MB = 2 ** 20;

async function walSegments(client: PGlite): Promise<number> {
  return (await client.query<{ n: number }>('select count(*)::int as n from pg_ls_waldir()')).rows[0]!.n;
}

/** About `mb` MiB of WAL: rows written and deleted again, so the table itself stays empty. */
async function writeWal(client: PGlite, mb: number): Promise<void> {
  for (let i = 0; i < mb; i++) {
    await client.exec(`insert into verwerkingen (velden) select repeat('x', 900) from generate_series(1, 1000); delete from verwerkingen;`);
  }
}

describe('the embedded database\'s write-ahead log', () => {
  let client: PGlite;
  beforeAll(async () => {
    client = await PGlite.create({ loadDataDir: await emptyCluster(), startParams: pgliteStartParams() });
    await client.exec('create table verwerkingen (id serial primary key, velden text)');
  });
  afterAll(() => client.close());

  it('starts with PGlite\'s own parameters and a small WAL to keep', async () => {
    expect((await client.query<{ max_wal_size: string }>('show max_wal_size')).rows[0]?.max_wal_size).toBe('64MB');
    expect((await client.query<{ min_wal_size: string }>('show min_wal_size')).rows[0]?.min_wal_size).toBe('32MB');
    expect((await client.query<{ search_path: string }>('show search_path')).rows[0]?.search_path).toBe('public');
  });

  it('grows with every write when nothing checkpoints (why the check exists)', async () => {
    const before = await walSegments(client);
    await writeWal(client, 40);
    expect(await walSegments(client)).toBeGreaterThan(before);
  });

  it('checkpoints only when enough WAL lies behind, and then stays within a few segments however much is written', { timeout: 120_000 }, async () => {
    await client.exec('checkpoint');
    expect(await checkpointWhenBehind(client, 8 * MB)).toBe(false);
    let checkpoints = 0;
    let most = 0;
    for (let round = 0; round < 6; round++) {
      await writeWal(client, 20);
      if (await checkpointWhenBehind(client, 8 * MB)) checkpoints++;
      most = Math.max(most, await walSegments(client));
    }
    expect(checkpoints).toBe(6);
    // min_wal_size 32 MB and max_wal_size 64 MB: what a checkpoint keeps for reuse, 16 MB each.
    expect(most).toBeLessThanOrEqual(5);
  });
});
