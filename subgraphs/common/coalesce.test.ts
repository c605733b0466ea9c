import { describe, expect, it } from 'vitest';
import { createCoalescer } from './coalesce.js';

/** A fake table whose loads the test starts and finishes by hand, reading `state` when a load starts. */
function fakeTable() {
  const state = { version: 0 };
  const loads: { keys: string[]; finish: () => void; fail: (e: unknown) => void }[] = [];
  const load = (keys: readonly string[]) => {
    const seen = state.version; // what the query sees: the state when it is sent
    return new Promise<Map<string, string>>((resolve, reject) => {
      loads.push({
        keys: [...keys],
        finish: () => resolve(new Map(keys.filter((k) => !k.startsWith('unknown')).map((k) => [k, `${k}@v${seen}`]))),
        fail: reject,
      });
    });
  };
  return { state, loads, load };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('createCoalescer', () => {
  it('lets callers that arrive before dispatch join one batch, keys deduplicated', async () => {
    const t = fakeTable();
    const c = createCoalescer({ load: t.load });
    const a = c.load(['x', 'y']);
    const b = c.load(['y', 'z', 'z']);
    expect(t.loads).toHaveLength(0); // dispatched on the next turn, not synchronously
    await tick();
    expect(t.loads).toHaveLength(1);
    expect(t.loads[0]!.keys.sort()).toEqual(['x', 'y', 'z']);
    t.loads[0]!.finish();
    expect([...(await a).keys()]).toEqual(['x', 'y']);
    expect([...(await b).keys()]).toEqual(['y', 'z']);
    expect(c.stats()).toEqual({ batches: 1, calls: 2 });
  });

  it('never lets a caller join a batch already sent: it waits and sees what was committed before it started', async () => {
    const t = fakeTable();
    const c = createCoalescer({ load: t.load });
    const before = c.load(['x']);
    await tick();
    expect(t.loads).toHaveLength(1); // sent, reading version 0
    t.state.version = 1; // a change commits while that batch is in flight
    const after = c.load(['x']);
    await tick();
    expect(t.loads).toHaveLength(1); // not joined to the batch in flight; its own batch waits for it
    t.loads[0]!.finish();
    expect((await before).get('x')).toBe('x@v0');
    await tick();
    expect(t.loads).toHaveLength(2);
    expect(t.loads[1]!.keys).toEqual(['x']);
    t.loads[1]!.finish();
    expect((await after).get('x')).toBe('x@v1'); // the change is visible: the result was not reused
  });

  it('collects the callers arriving during a batch into one next batch', async () => {
    const t = fakeTable();
    const c = createCoalescer({ load: t.load });
    void c.load(['a']);
    await tick();
    const waiting = [c.load(['b']), c.load(['c'])];
    await tick();
    const third = c.load(['d']);
    await tick();
    expect(t.loads).toHaveLength(1);
    t.loads[0]!.finish();
    await tick();
    expect(t.loads).toHaveLength(2);
    expect(t.loads[1]!.keys).toEqual(['b', 'c', 'd']);
    t.loads[1]!.finish();
    expect((await Promise.all([...waiting, third])).map((m) => [...m.keys()])).toEqual([['b'], ['c'], ['d']]);
  });

  it('gives each caller only its own keys, and leaves unknown keys absent', async () => {
    const t = fakeTable();
    const c = createCoalescer({ load: t.load });
    const a = c.load(['x', 'unknown-1']);
    const b = c.load(['y']);
    await tick();
    t.loads[0]!.finish();
    const [ma, mb] = await Promise.all([a, b]);
    expect([...ma.entries()]).toEqual([['x', 'x@v0']]);
    expect([...mb.entries()]).toEqual([['y', 'y@v0']]);
    expect(ma.has('y')).toBe(false);
  });

  it('fails every caller that joined a failed batch, and the next batch loads afresh', async () => {
    const t = fakeTable();
    const c = createCoalescer({ load: t.load });
    const a = c.load(['x']);
    const b = c.load(['y']);
    await tick();
    t.loads[0]!.fail(new Error('database down'));
    await expect(a).rejects.toThrow('database down');
    await expect(b).rejects.toThrow('database down');
    const again = c.load(['x']);
    await tick();
    t.loads[1]!.finish();
    expect((await again).get('x')).toBe('x@v0');
  });

  it('fails the callers of a load that throws synchronously', async () => {
    const c = createCoalescer<string, string>({
      load: () => {
        throw new Error('boom');
      },
    });
    await expect(Promise.all([c.load(['x']), c.load(['y'])])).rejects.toThrow('boom');
    await expect(c.load(['z'])).rejects.toThrow('boom'); // and keeps working (no stuck in-flight count)
  });

  it('opens a further batch past maxKeys and runs up to maxInFlight batches at once', async () => {
    const t = fakeTable();
    const c = createCoalescer({ load: t.load, maxKeys: 3, maxInFlight: 2 });
    const calls = [c.load(['a', 'b']), c.load(['c']), c.load(['d', 'e']), c.load(['f', 'g', 'h', 'i'])];
    await tick();
    expect(t.loads.map((l) => l.keys)).toEqual([['a', 'b', 'c'], ['d', 'e']]);
    t.loads[0]!.finish();
    await tick();
    expect(t.loads.map((l) => l.keys)).toHaveLength(3);
    expect(t.loads[2]!.keys).toEqual(['f', 'g', 'h', 'i']); // one caller never splits
    t.loads[1]!.finish();
    t.loads[2]!.finish();
    expect((await Promise.all(calls)).map((m) => m.size)).toEqual([2, 1, 2, 4]);
  });

  it('answers an empty request without a batch', async () => {
    const t = fakeTable();
    const c = createCoalescer({ load: t.load });
    expect((await c.load([])).size).toBe(0);
    await tick();
    expect(t.loads).toHaveLength(0);
  });
});
