import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseRetentionInterval, startRetentionSchedule } from './schedule.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('retention schedule', () => {
  it('runs every interval, reports, and never starts a run while one is busy', async () => {
    let release: () => void = () => {};
    let runs = 0;
    const reports: number[] = [];
    const schedule = startRetentionSchedule({
      intervalHours: 1,
      run: () => {
        runs += 1;
        return new Promise<number>((resolve) => (release = () => resolve(runs)));
      },
      onReport: (r) => void reports.push(r),
    });
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(runs).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(runs).toBe(2);
    release();
    await schedule.stop();
    expect(reports).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(10 * 3_600_000);
    expect(runs).toBe(2);
  });

  it('keeps going after a failed run and hands the error over', async () => {
    const errors: unknown[] = [];
    let n = 0;
    const schedule = startRetentionSchedule({
      intervalHours: 0.5,
      runAtStart: true,
      run: async () => {
        n += 1;
        if (n === 1) throw new Error('database weg');
        return n;
      },
      onError: (e) => void errors.push(e),
    });
    await vi.advanceTimersByTimeAsync(1_800_000);
    await schedule.stop();
    expect(n).toBe(2);
    expect(errors).toHaveLength(1);
  });

  it('refuses a bad interval at start-up', () => {
    for (const bad of [0, -1, Number.NaN, 10_000]) expect(() => startRetentionSchedule({ intervalHours: bad, run: async () => 0 })).toThrow(RangeError);
    expect(parseRetentionInterval(undefined)).toBeUndefined();
    expect(parseRetentionInterval(' ')).toBeUndefined();
    expect(parseRetentionInterval('24')).toBe(24);
    for (const bad of ['nul', '0', '-2', '1e9']) expect(() => parseRetentionInterval(bad)).toThrow(TypeError);
  });
});
