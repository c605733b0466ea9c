/**
 * Retention inside the running service: every `intervalHours` one run, never two at once (a run
 * that is still busy makes the next tick skip). The subgraph's `main` starts it when
 * `RETENTION_INTERVAL_HOURS` is set (see `parseRetentionInterval`) and stops it on shutdown.
 */

export interface RetentionScheduleOptions<R> {
  /** Hours between runs; must be positive. */
  readonly intervalHours: number;
  /** One retention run (e.g. `voerRetentieUit` or `voerSubgraphRetentieUit` bound to the service). */
  readonly run: () => Promise<R>;
  /** Receives each run's report (counts only). @default nothing */
  readonly onReport?: (report: R) => void;
  /** Receives a failed run's error; the schedule keeps going. @default console.error */
  readonly onError?: (error: unknown) => void;
  /** Run once right away as well. @default false */
  readonly runAtStart?: boolean;
}

export interface RetentionSchedule {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

const HOUR_MS = 3_600_000;
/** setInterval's limit (about 24.8 days). */
const MAX_DELAY_MS = 2 ** 31 - 1;

export function startRetentionSchedule<R>(options: RetentionScheduleOptions<R>): RetentionSchedule {
  const { intervalHours, run } = options;
  const delay = intervalHours * HOUR_MS;
  if (!Number.isFinite(delay) || delay <= 0 || delay > MAX_DELAY_MS) {
    throw new RangeError(`retention: intervalHours must be > 0 and at most ${Math.floor(MAX_DELAY_MS / HOUR_MS)}`);
  }
  const onError = options.onError ?? ((error) => console.error('[retentie] run mislukt', error));
  let busy: Promise<void> | undefined;
  const tick = () => {
    if (busy) return;
    busy = run()
      .then((report) => options.onReport?.(report))
      .catch(onError)
      .finally(() => {
        busy = undefined;
      });
  };
  const timer = setInterval(tick, delay);
  // The schedule alone must not keep the process alive.
  timer.unref();
  if (options.runAtStart) tick();
  return {
    async stop() {
      clearInterval(timer);
      await busy;
    },
  };
}

/**
 * Reads `RETENTION_INTERVAL_HOURS` (for the subgraph's config): undefined when unset or empty (no
 * schedule); throws on anything but a positive number, so a typo is noticed at boot.
 */
export function parseRetentionInterval(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours <= 0 || hours * HOUR_MS > MAX_DELAY_MS) {
    throw new TypeError(`RETENTION_INTERVAL_HOURS ongeldig: ${value}`);
  }
  return hours;
}
