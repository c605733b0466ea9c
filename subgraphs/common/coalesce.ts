/**
 * Coalesces concurrent keyed loads into shared batches — request coalescing, never a cache.
 *
 * Callers that arrive while a batch is still *pending* (its load not yet started) join it; the
 * batch is dispatched on the next turn of the event loop (`setImmediate`, so every request whose
 * I/O arrived in the same turn joins), or — when `maxInFlight` batches are already running — as
 * soon as one of them returns, so under load the waiting callers pile into one batch instead of
 * each queueing for its own connection (the same shape as the access log's group commit).
 *
 * Invariant (what makes this safe for policy data): a caller only ever joins a batch whose load has
 * NOT yet been started. Its load therefore starts after the caller arrived, so anything committed
 * before the caller started is visible to it. Nothing is kept once a batch settles: no result is
 * ever served from an earlier load.
 *
 * Further: keys are deduplicated within a batch (the union is loaded once); each caller receives
 * only the keys it asked for (absent keys stay absent); if a batch's load fails, every caller that
 * joined it fails with that error.
 */

export interface CoalescerOptions<K, V> {
  /** Loads the union of a batch's keys; keys it does not return are absent for their callers. */
  readonly load: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>;
  /** Batches whose loads may run at once; more wait (and keep collecting callers). @default 1 */
  readonly maxInFlight?: number;
  /** A batch takes no further callers once it holds this many keys (a caller never splits). @default 5000 */
  readonly maxKeys?: number;
}

export interface CoalescerStats {
  /** Batches whose load was started. */
  readonly batches: number;
  /** Calls to `load` with at least one key. */
  readonly calls: number;
}

export interface Coalescer<K, V> {
  load(keys: readonly K[]): Promise<Map<K, V>>;
  stats(): CoalescerStats;
}

interface Batch<K, V> {
  readonly keys: Set<K>;
  readonly waiters: { keys: readonly K[]; resolve: (m: Map<K, V>) => void; reject: (e: unknown) => void }[];
}

export function createCoalescer<K, V>({ load, maxInFlight = 1, maxKeys = 5000 }: CoalescerOptions<K, V>): Coalescer<K, V> {
  /** Batches not yet dispatched, oldest first: the only ones a caller may join. */
  const pending: Batch<K, V>[] = [];
  let inFlight = 0;
  let scheduled = false;
  let batches = 0;
  let calls = 0;

  const settle = (batch: Batch<K, V>, result: ReadonlyMap<K, V>) => {
    for (const w of batch.waiters) {
      const mine = new Map<K, V>();
      for (const k of w.keys) if (result.has(k)) mine.set(k, result.get(k)!);
      w.resolve(mine);
    }
  };

  const pump = () => {
    while (inFlight < maxInFlight && pending.length > 0) {
      // Removed from `pending` before its load starts: from here on nobody can join it.
      const batch = pending.shift()!;
      inFlight += 1;
      batches += 1;
      let started: Promise<ReadonlyMap<K, V>>;
      try {
        started = load([...batch.keys]);
      } catch (error) {
        started = Promise.reject(error);
      }
      started.then(
        (result) => settle(batch, result),
        (error) => batch.waiters.forEach((w) => w.reject(error)),
      ).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      pump();
    });
  };

  return {
    load(keys) {
      if (keys.length === 0) return Promise.resolve(new Map());
      calls += 1;
      return new Promise<Map<K, V>>((resolve, reject) => {
        let batch = pending.at(-1);
        if (!batch || (batch.keys.size > 0 && batch.keys.size + keys.length > maxKeys)) {
          batch = { keys: new Set(), waiters: [] };
          pending.push(batch);
        }
        for (const k of keys) batch.keys.add(k);
        batch.waiters.push({ keys, resolve, reject });
        schedule();
      });
    },
    stats: () => ({ batches, calls }),
  };
}
