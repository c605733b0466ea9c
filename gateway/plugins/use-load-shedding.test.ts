import { describe, expect, it } from 'vitest';
import { useLoadShedding } from './use-load-shedding.js';

type OnRequest = (payload: { url: URL; request: Request; endResponse: (r: Response) => void; fetchAPI: { Response: typeof Response } }) => void;

/** Sends one request through the plugin's hook; the 503 it ended with, or null when it let it through. */
function ask(plugin: ReturnType<typeof useLoadShedding>, path = '/graphql'): Response | null {
  let ended: Response | null = null;
  (plugin.onRequest as OnRequest)({ url: new URL(`http://gateway${path}`), request: new Request(`http://gateway${path}`), endResponse: (r) => void (ended = r), fetchAPI: { Response } });
  return ended;
}

const blockFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a saturated event loop: nothing else runs
  }
};
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('load shedding by event-loop delay', () => {
  it('refuses new requests with 503 OVERBELAST while the loop ran late, and lets them through once it keeps up', async () => {
    const plugin = useLoadShedding({ maxInFlight: 1000, maxEventLoopDelayMs: 250 });
    // Polls, so a test machine that stalls on its own does not decide the outcome.
    const through = async () => {
      for (let i = 0; i < 40 && ask(plugin) !== null; i++) await tick(100);
      return ask(plugin);
    };
    try {
      expect(await through()).toBeNull();
      // The monitor samples from its first window on; the judgement runs right after the block and
      // holds until the next window.
      await tick(300);
      blockFor(800);
      await tick(20);
      const refused = ask(plugin);
      expect(refused?.status).toBe(503);
      expect(refused?.headers.get('retry-after')).toBe('1');
      expect(((await refused!.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('OVERBELAST');
      // Health is never shed, late or not.
      expect(ask(plugin, '/readyz')).toBeNull();
      expect(await through()).toBeNull();
    } finally {
      (plugin.onDispose as () => void)();
    }
  });

  it('never refuses for delay when switched off (0)', async () => {
    const plugin = useLoadShedding({ maxInFlight: 1000, maxEventLoopDelayMs: 0 });
    blockFor(800);
    await tick(300);
    expect(ask(plugin)).toBeNull();
  });
});
