/**
 * Group commit: callers hand in items one at a time, and whatever arrives while one batch is being
 * written is written together as the next batch, by one job at a time. A lone caller waits for
 * nothing extra (its batch starts at once); under load the cost of a batch (for the log: a
 * transaction, a lock, a head read) is shared by every caller in it instead of each paying it in
 * turn.
 *
 * Each caller's promise settles with its batch: it resolves only after the job resolved (for the
 * log: after commit), and rejects with the job's error otherwise. A failed batch leaves nothing
 * behind, so the next batch starts clean.
 */

export interface BatchQueueOptions<T> {
  /** Writes one batch, in arrival order. Never called concurrently with itself. */
  readonly run: (items: readonly T[]) => Promise<void>;
  /** Most items per batch, so one job stays bounded however many callers wait. */
  readonly maxItems: number;
  /** Most total weight per batch (e.g. rows); an item heavier than this alone is still taken, alone. */
  readonly maxWeight?: number;
  readonly weight?: (item: T) => number;
}

interface Waiting<T> {
  readonly item: T;
  readonly weight: number;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export function createBatchQueue<T>(options: BatchQueueOptions<T>): (item: T) => Promise<void> {
  const { run, maxItems } = options;
  const maxWeight = options.maxWeight ?? Number.POSITIVE_INFINITY;
  const weigh = options.weight ?? (() => 1);
  if (!Number.isInteger(maxItems) || maxItems < 1) throw new Error('group commit: maxItems must be a positive integer');
  if (!(maxWeight > 0)) throw new Error('group commit: maxWeight must be positive');

  let waiting: Waiting<T>[] = [];
  let draining = false;

  const take = (): Waiting<T>[] => {
    let count = 0;
    let total = 0;
    for (const entry of waiting) {
      if (count === maxItems || (count > 0 && total + entry.weight > maxWeight)) break;
      count += 1;
      total += entry.weight;
    }
    const batch = waiting.slice(0, count);
    waiting = waiting.slice(count);
    return batch;
  };

  const drain = async (): Promise<void> => {
    while (waiting.length > 0) {
      const batch = take();
      try {
        await run(batch.map((entry) => entry.item));
      } catch (error) {
        for (const entry of batch) entry.reject(error);
        continue;
      }
      for (const entry of batch) entry.resolve();
    }
    draining = false;
  };

  return (item: T) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ item, weight: weigh(item), resolve, reject });
      if (draining) return;
      draining = true;
      // A microtask later, so callers that arrive in the same turn of the event loop share the
      // first batch rather than queueing behind a batch of one.
      queueMicrotask(() => void drain());
    });
}
