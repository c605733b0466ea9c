import { describe, expect, it } from 'vitest';
import { createBatchQueue } from './group-commit.js';

/** A job whose batches finish only when the test says so, to control what arrives during one. */
function heldJob() {
  const batches: number[][] = [];
  const releases: ((error?: Error) => void)[] = [];
  let running = 0;
  let overlapped = false;
  const run = (items: readonly number[]) => {
    batches.push([...items]);
    running += 1;
    if (running > 1) overlapped = true;
    return new Promise<void>((resolve, reject) => {
      releases.push((error) => {
        running -= 1;
        if (error) reject(error);
        else resolve();
      });
    });
  };
  const started = async (n: number) => {
    while (batches.length < n) await new Promise((r) => setImmediate(r));
  };
  return { run, batches, releases, started, overlapped: () => overlapped };
}

/** Settles and returns each promise's outcome, without an unhandled rejection. */
const outcomes = (promises: Promise<void>[]) =>
  Promise.allSettled(promises).then((all) => all.map((o) => (o.status === 'fulfilled' ? 'ok' : (o.reason as Error).message)));

describe('batch queue (group commit)', () => {
  it('writes what arrives while a batch runs as the next batch, one batch at a time, in arrival order', async () => {
    const job = heldJob();
    const enqueue = createBatchQueue<number>({ run: job.run, maxItems: 100 });
    const first = [1, 2, 3].map((n) => enqueue(n));
    await job.started(1);
    const second = [4, 5, 6, 7].map((n) => enqueue(n));
    await new Promise((r) => setImmediate(r));
    expect(job.batches).toEqual([[1, 2, 3]]);
    job.releases[0]!();
    await job.started(2);
    job.releases[1]!();
    expect(await outcomes([...first, ...second])).toEqual(Array(7).fill('ok'));
    expect(job.batches).toEqual([[1, 2, 3], [4, 5, 6, 7]]);
    expect(job.overlapped()).toBe(false);
  });

  it('resolves a caller only after its batch finished', async () => {
    const job = heldJob();
    const enqueue = createBatchQueue<number>({ run: job.run, maxItems: 10 });
    let resolved = false;
    const p = enqueue(1).then(() => void (resolved = true));
    await job.started(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(resolved).toBe(false);
    job.releases[0]!();
    await p;
    expect(resolved).toBe(true);
  });

  it('rejects every caller of a failed batch and writes the next batch normally', async () => {
    const job = heldJob();
    const enqueue = createBatchQueue<number>({ run: job.run, maxItems: 10 });
    const failing = outcomes([1, 2, 3].map((n) => enqueue(n)));
    await job.started(1);
    const next = outcomes([4, 5].map((n) => enqueue(n)));
    job.releases[0]!(new Error('batch failed'));
    await job.started(2);
    job.releases[1]!();
    expect(await failing).toEqual(['batch failed', 'batch failed', 'batch failed']);
    expect(await next).toEqual(['ok', 'ok']);
    // And the queue keeps going afterwards.
    const later = enqueue(6);
    await job.started(3);
    job.releases[2]!();
    await expect(later).resolves.toBeUndefined();
  });

  it('caps a batch by items and by weight; an item heavier than the cap goes alone', async () => {
    const batches: number[][] = [];
    const enqueue = createBatchQueue<number>({
      run: async (items) => void batches.push([...items]),
      maxItems: 3,
      maxWeight: 10,
      weight: (n) => n,
    });
    await Promise.all([1, 1, 1, 1, 4, 5, 2, 30, 1].map((n) => enqueue(n)));
    expect(batches).toEqual([[1, 1, 1], [1, 4, 5], [2], [30], [1]]);
  });

  it('refuses a cap that would never let a batch through', () => {
    expect(() => createBatchQueue({ run: async () => {}, maxItems: 0 })).toThrow(/maxItems/);
    expect(() => createBatchQueue({ run: async () => {}, maxItems: 1, maxWeight: 0 })).toThrow(/maxWeight/);
  });
});
