/**
 * Keeps an embedded PGlite database's write-ahead log from growing without bound. PGlite runs
 * PostgreSQL in single-user mode: there is no checkpointer, and `max_wal_size` triggers nothing, so
 * every write (every access record of every answer) added WAL that stayed for the life of the
 * process — in memory for the tests' databases, on disk in `.data/` for `npm start`. Measured: an
 * in-process run of 5,000 fuzz requests grew four 16 MB WAL segments per database; the 100,000-request
 * fuzz ended at 3.8 GB RSS. A server's checkpointer does this on its own; here a timer does it.
 */
import { PGlite } from '@electric-sql/pglite';

/** PGlite's own start parameters, and ours: after a checkpoint, keep at most 64 MB of WAL for reuse. */
export function pgliteStartParams(): string[] {
  // Not in PGlite's typings, but what it starts with when given none; passing ours replaces them.
  const defaults = (PGlite as unknown as { defaultStartParams?: unknown }).defaultStartParams;
  if (!Array.isArray(defaults)) throw new Error('PGlite.defaultStartParams ontbreekt: deze PGlite-versie start anders');
  return [...(defaults as string[]), '-c', 'max_wal_size=64MB', '-c', 'min_wal_size=32MB'];
}

export interface WalBoundOptions {
  /** How often to look at the WAL written since the last checkpoint. @default 10 s */
  readonly everyMs?: number;
  /** Checkpoint when more than this much WAL was written since the last one. @default 32 MiB */
  readonly afterBytes?: number;
}

/** Checks now and then how much WAL the last checkpoint left behind and checkpoints when it is a lot. Returns the stop. */
export function boundWal(client: PGlite, { everyMs = 10_000, afterBytes = 32 * 2 ** 20 }: WalBoundOptions = {}): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running || client.closed) return;
    running = true;
    checkpointWhenBehind(client, afterBytes)
      // A database closed while the check ran, or a check that failed: the next turn tries again.
      .catch(() => {})
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Checkpoints when more than `afterBytes` of WAL lie after the last checkpoint's redo point; says whether it did. */
export async function checkpointWhenBehind(client: PGlite, afterBytes: number): Promise<boolean> {
  const { rows } = await client.query<{ behind: string }>('select pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::text as behind from pg_control_checkpoint()');
  if (!(Number(rows[0]?.behind) > afterBytes)) return false;
  await client.exec('checkpoint');
  return true;
}
