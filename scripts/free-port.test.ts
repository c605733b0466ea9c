import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort } from './federation.js';

// The CI failure this pins: a port picked with listen(0) came from the kernel's ephemeral range and
// was handed to another server before the subgraph bound it (EADDRINUSE).
describe('freePort', () => {
  it('picks outside the ephemeral range that listen(0) draws from, a different port each time', async () => {
    const picks = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of picks) {
      expect(port).toBeGreaterThanOrEqual(20_000);
      expect(port).toBeLessThan(32_768);
    }
    expect(new Set(picks).size).toBe(picks.length);
  });

  it('passes over a port that is taken', async () => {
    const first = await freePort();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(first + 1, '127.0.0.1', resolve));
    try {
      const next = await freePort();
      expect(next).not.toBe(first + 1);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});
