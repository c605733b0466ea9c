import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postJson } from './post-json.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

async function serve(handler: RequestListener): Promise<URL> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/pad`);
}

describe('postJson', () => {
  it('posts JSON with the given headers and returns the status and parsed answer, over one kept-alive connection', async () => {
    const seen: { body: string; authorization?: string; type?: string; port: number }[] = [];
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ body, authorization: req.headers.authorization, type: req.headers['content-type'], port: req.socket.remotePort! });
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: 'ja', ë: 'ünïcode' }));
      });
    });
    for (let i = 0; i < 3; i++) {
      expect(await postJson(url, { trajectIds: ['a', 'b'] }, { authorization: 'Bearer t' }, 2000)).toEqual({ status: 201, body: { ok: 'ja', ë: 'ünïcode' } });
    }
    expect(seen.map(({ port: _p, ...r }) => r)).toEqual(Array(3).fill({ body: '{"trajectIds":["a","b"]}', authorization: 'Bearer t', type: 'application/json' }));
    expect(new Set(seen.map((s) => s.port)).size).toBe(1);
  });

  it('rejects when the deadline passes before the answer is complete, also mid-answer', async () => {
    const never = await serve(() => {});
    const t0 = performance.now();
    await expect(postJson(never, {}, {}, 200)).rejects.toThrow();
    expect(performance.now() - t0).toBeLessThan(2000);
    await new Promise((resolve) => server!.close(resolve));
    server!.closeAllConnections();
    const half = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"contexten":');
    });
    await expect(postJson(half, {}, {}, 200)).rejects.toThrow();
  });

  it('rejects an answer that is no JSON, a peer that hangs up, and a protocol it does not speak', async () => {
    const text = await serve((_req, res) => res.writeHead(500).end('Internal Server Error'));
    await expect(postJson(text, {}, {}, 1000)).rejects.toThrow(SyntaxError);
    await new Promise((resolve) => server!.close(resolve));
    const gone = await serve((req) => req.socket.destroy());
    await expect(postJson(gone, {}, {}, 1000)).rejects.toThrow();
    await expect(postJson(new URL('ftp://example.org/'), {}, {}, 1000)).rejects.toThrow(/ftp/);
  });
});
