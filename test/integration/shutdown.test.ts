/**
 * Issue 14, item 7 (shutdown): on SIGTERM the real `npm start` process turns /readyz to 503 first,
 * lets the request in flight finish with its data, then closes and exits 0.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProcess } from '../helpers/start-process.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'woonkans-shutdown-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('graceful shutdown', { timeout: 150_000 }, () => {
  it('SIGTERM: readyz 503, the in-flight request completes with 200 and data, exit 0', async () => {
    const started = await startProcess({ PGLITE_DIR: dataDir, SHUTDOWN_DELAY_MS: '4000' });
    try {
      const token = await started.token('partij=GEMEENTE&gemeente=venlo');
      expect((await fetch(`${started.gatewayUrl}/readyz`)).status).toBe(200);
      // A slow client: the request is in flight (headers sent) while its body is still arriving.
      const body = JSON.stringify({ query: '{ trajecten(eerste: 3) { id code inwoner { naam } } }' });
      const url = new URL(`${started.gatewayUrl}/graphql`);
      let finishBody = (): void => {};
      const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(
          { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } },
          (res) => {
            let text = '';
            res.on('data', (c) => (text += String(c)));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 10));
        finishBody = () => req.end(body.slice(10));
      });
      await new Promise((r) => setTimeout(r, 300));
      started.child.kill('SIGTERM');
      // The signal is handled when the process's event loop gets to it (slow on a loaded CI machine):
      // wait for readyz to turn, bounded, and only then let the in-flight request finish its body.
      const turned = await pollUntil503(`${started.gatewayUrl}/readyz`, 3_000);
      finishBody();
      expect(turned).toBe(503);
      const answer = await response;
      expect(answer.status).toBe(200);
      const json = JSON.parse(answer.text) as { data?: { trajecten?: { code: string }[] }; errors?: unknown };
      expect(json.errors, answer.text).toBeUndefined();
      expect(json.data?.trajecten?.length).toBe(3);
      expect(await started.exited, started.output()).toBe(0);
    } finally {
      if (started.child.exitCode === null) started.child.kill('SIGKILL');
    }
  });
});

async function pollUntil503(url: string, withinMs: number): Promise<number> {
  const until = Date.now() + withinMs;
  let status = 0;
  while (Date.now() < until) {
    status = (await fetch(url)).status;
    if (status === 503) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  return status;
}
