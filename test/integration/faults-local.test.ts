/**
 * Failures stay local (issue 14): with one subgraph dead, the regisseur's view of its cases still
 * carries what the other subgraphs contribute; only the dead subgraph's fields are null, with an
 * error that names it. The lists another subgraph contributes are nullable for exactly this reason
 * (the federation convention), and a refusal keeps its code, reason and service on the way through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { seedDemo, startTestFederation, type TestFederation } from '../helpers/federation.js';

const REGISSEUR: Persona = { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG', rol: 'VOORZITTER' };
const VIEW = `{ trajecten(fase: GEHUISVEST, eerste: 5) { code fase inwoner { naam } bemiddelingsprofiel { conclusie } woningaanbod { id } huurovereenkomst { corporatie } evaluaties { id } garantieaanvragen { id } } }`;

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation();
  await seedDemo(fed);
});
afterAll(async () => {
  await fed?.stop();
});

// Before any subgraph is killed below. Refusals are data (`gateway/plugins/use-errors-as-data.ts`):
// each reaches the partner as graphql-js serialises it, and none costs a formatted stack on the way.
describe('refusals pass the gateway as data', () => {
  const regisseur = { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG' } as const;
  const view = '{ trajecten(eerste: 20) { id inwoner { naam telefoon } bemiddelingsprofiel { woonsituatie } huurovereenkomst { adresWoning } evaluaties { datum } garantieaanvragen { status } } }';

  it('keep their message, path and extensions, serialised exactly as graphql-js does, with serviceName', async () => {
    const res = await fed.gql(regisseur, view);
    expect(res.status).toBe(200);
    const refusals = (res.errors ?? []).filter((e) => e.extensions?.['code'] === 'DOSERING_GEWEIGERD');
    expect(refusals.length).toBeGreaterThan(10);
    for (const e of refusals) {
      expect(Object.keys(e).sort()).toEqual(['extensions', 'message', 'path']);
      expect(e.path?.[0]).toBe('trajecten');
      expect(typeof e.path?.[1]).toBe('number');
      expect(e.extensions).toMatchObject({ reden: expect.any(String), veld: expect.any(String), serviceName: expect.any(String) });
      expect(Object.keys(e.extensions ?? {})).not.toContain('http');
    }
  });

  it('without a stack being formatted for each one on the way (the cost that scaled with refusals)', async () => {
    // Node calls a user's `prepareStackTrace` whenever a captured stack is formatted, source maps or not.
    const previous = Error.prepareStackTrace;
    let formatted = 0;
    Error.prepareStackTrace = (error, frames) => {
      formatted++;
      return `${String(error)}\n${frames.map((f) => `    at ${String(f)}`).join('\n')}`;
    };
    try {
      const res = await fed.gql(regisseur, view);
      const refusals = (res.errors ?? []).filter((e) => e.extensions?.['code'] === 'DOSERING_GEWEIGERD').length;
      expect(refusals).toBeGreaterThan(10);
      // Before: two or more per refusal (each relocation and each serialiser copy formatted one).
      expect(formatted).toBeLessThan(refusals / 4);
    } finally {
      Error.prepareStackTrace = previous;
    }
  });
});

describe('a dead subgraph harms only what it contributes', () => {
  it('answers the full view while all live, then the rest of it with the corporatie subgraph killed', async () => {
    const live = await fed.gql<any>(REGISSEUR, VIEW);
    expect(live.errors).toBeUndefined();
    expect(live.data.trajecten.length).toBe(5);
    expect(live.data.trajecten.every((t: any) => Array.isArray(t.evaluaties) && t.huurovereenkomst)).toBe(true);

    const { server } = fed.subgraphs.corporatie.subgraph;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));

    const dead = await fed.gql<any>(REGISSEUR, VIEW);
    expect(dead.status).toBe(200);
    // The cases and what the regisseur, gemeente and fund contribute are all still there…
    expect(dead.data.trajecten.map((t: any) => t.code)).toEqual(live.data.trajecten.map((t: any) => t.code));
    for (const [i, t] of (dead.data.trajecten as any[]).entries()) {
      expect(t.inwoner).toEqual(live.data.trajecten[i].inwoner);
      expect(t.bemiddelingsprofiel).toEqual(live.data.trajecten[i].bemiddelingsprofiel);
      expect(t.garantieaanvragen).toEqual(live.data.trajecten[i].garantieaanvragen);
      // …only the dead subgraph's fields are null.
      expect([t.woningaanbod, t.huurovereenkomst, t.evaluaties]).toEqual([null, null, null]);
    }
    // The errors say which service failed, and nothing of the request the gateway sent it.
    expect(dead.errors?.length).toBeGreaterThan(0);
    for (const e of dead.errors ?? []) expect(e.extensions).toEqual({ code: 'SUBGRAAF_ONBEREIKBAAR', serviceName: 'corporatie' });
    expect(JSON.stringify(dead.errors)).not.toMatch(/representations|_entities/);
  });
});
