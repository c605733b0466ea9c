/**
 * Load shedding (issue 14): beyond MAX_IN_FLIGHT requests in progress the gateway refuses the next
 * at once — 503 OVERBELAST with Retry-After, nothing executed — while health stays answerable, and
 * serves again as soon as the requests in progress finish.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation({ maxInFlight: 2 });
});
afterAll(async () => {
  await fed?.stop();
});

const venlo = { partij: 'GEMEENTE', gemeente: 'venlo' } as const;

/** A request whose body arrives only when `finish` is called: it is in progress until then. */
async function slowRequest(query: string): Promise<{ finish: () => void; answer: Promise<number> }> {
  const body = JSON.stringify({ query });
  const url = new URL(`${fed.gatewayUrl}/graphql`);
  const token = await fed.token(venlo);
  let finish = (): void => {};
  const answer = new Promise<number>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, 5));
    finish = () => req.end(body.slice(5));
  });
  return { finish, answer };
}

describe('load shedding', () => {
  it('refuses beyond MAX_IN_FLIGHT at once with 503 OVERBELAST and Retry-After, keeps health, and recovers', async () => {
    const slow = [await slowRequest('{ organisaties { corporaties } }'), await slowRequest('{ organisaties { corporaties } }')];
    await new Promise((r) => setTimeout(r, 200));
    const started = performance.now();
    const shed = await fetch(`${fed.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await fed.token(venlo)}` },
      body: JSON.stringify({ query: '{ organisaties { corporaties } }' }),
    });
    const ms = performance.now() - started;
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(((await shed.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('OVERBELAST');
    expect(ms).toBeLessThan(2000);
    expect((await fetch(`${fed.gatewayUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${fed.gatewayUrl}/readyz`)).status).toBe(200);
    for (const s of slow) s.finish();
    expect(await Promise.all(slow.map((s) => s.answer))).toEqual([200, 200]);
    const again = await fed.gql(venlo, '{ organisaties { corporaties } }');
    expect(again.status).toBe(200);
    expect(again.errors).toBeUndefined();
  });
});
