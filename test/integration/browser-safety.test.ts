/**
 * Issue 12, part 4: browser safety at the gateway. CSRF prevention as in Apollo Server (no
 * simple-request content types, GET only with a preflight-forcing header) and CORS from an allowlist,
 * never reflecting an arbitrary origin with credentials — also not on the development issuer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';

const DASHBOARD = 'https://dashboard.woonkans.test';
const EVIL = 'https://aanvaller.example';
const VENLO = { partij: 'GEMEENTE' as const, gemeente: 'venlo' };
const MUTATION = `mutation { registreerMelding(input: { gemeente: "venlo", ingediendDoor: GEMEENTE, naam: "CSRF" }) { id } }`;

let fed: TestFederation;
let token: string;

beforeAll(async () => {
  fed = await startTestFederation({ corsOrigins: [DASHBOARD] });
  token = await fed.token(VENLO);
});
afterAll(async () => {
  await fed?.stop();
});

const graphql = () => `${fed.gatewayUrl}/graphql`;

async function send(init: RequestInit & { path?: string }): Promise<{ status: number; headers: Headers; json: any }> {
  const res = await fetch(init.path ? `${fed.gatewayUrl}${init.path}` : graphql(), { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}

describe('CSRF prevention at the gateway', () => {
  it.each([
    ['application/x-www-form-urlencoded', new URLSearchParams({ query: MUTATION }).toString()],
    ['text/plain', JSON.stringify({ query: MUTATION })],
    ['text/plain;charset=UTF-8', JSON.stringify({ query: MUTATION })],
    ['multipart/form-data; boundary=x', `--x\r\ncontent-disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: MUTATION })}\r\n--x--\r\n`],
  ])('refuses a %s POST (a form or a fetch without preflight) before it runs', async (contentType, body) => {
    const res = await send({ method: 'POST', headers: { 'content-type': contentType }, body });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions.code).toBe('CSRF_GEWEIGERD');
    expect(res.json.data ?? null).toBeNull();
  });

  it('refuses a GET without a preflight-forcing header, answers one with it', async () => {
    const path = `/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const bare = await send({ method: 'GET', path });
    expect(bare.status).toBe(400);
    expect(bare.json.errors[0].extensions.code).toBe('CSRF_GEWEIGERD');
    for (const header of ['apollo-require-preflight', 'x-apollo-operation-name']) {
      const ok = await send({ method: 'GET', path, headers: { [header]: 'true' } });
      expect(ok.status, header).toBe(200);
      expect(ok.json.data).toEqual({ __typename: 'Query' });
    }
  });

  it('answers a JSON POST, and a simple content type that carries the header', async () => {
    const json = await send({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(json.json.data).toEqual({ __typename: 'Query' });
    const form = await send({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'apollo-require-preflight': 'true' },
      body: new URLSearchParams({ query: '{ __typename }' }).toString(),
    });
    expect(form.status).toBe(200);
  });
});

describe('CORS from the allowlist', () => {
  const json = { 'content-type': 'application/json' };
  const body = JSON.stringify({ query: '{ __typename }' });

  it('gives another origin no CORS headers at all, on GraphQL, preflight and the development issuer', async () => {
    const post = await send({ method: 'POST', headers: { ...json, origin: EVIL }, body });
    const preflight = await send({ method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    const devToken = await send({ method: 'GET', path: '/dev/token?partij=TOEZICHT', headers: { origin: EVIL } });
    for (const [what, res] of Object.entries({ post, preflight, devToken })) {
      expect(res.headers.get('access-control-allow-origin'), what).toBeNull();
      expect(res.headers.get('access-control-allow-credentials'), what).toBeNull();
    }
  });

  it('answers an allowed origin with exactly itself, and says the answer varies by origin', async () => {
    const post = await send({ method: 'POST', headers: { ...json, origin: DASHBOARD }, body });
    expect(post.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(post.headers.get('access-control-allow-credentials')).toBe('true');
    // A page may read the request id, to quote it.
    expect(post.headers.get('access-control-expose-headers')).toBe('x-request-id');
    expect(post.headers.get('vary')).toMatch(/origin/i);
    const preflight = await send({ method: 'OPTIONS', headers: { origin: DASHBOARD, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(DASHBOARD);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST');
  });
});
