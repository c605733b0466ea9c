/**
 * Failures stay local (issue 14): with one subgraph dead, the regisseur's view of its cases still
 * carries what the other subgraphs contribute; only the dead subgraph's fields are null, with an
 * error that names it. The lists another subgraph contributes are nullable for exactly this reason
 * (the federation convention), and a refusal keeps its code, reason and service on the way through.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { seedDemoData } from '../../scripts/demo-data/index.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';

const REGISSEUR: Persona = { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG', rol: 'VOORZITTER' };
const VIEW = `{ trajecten(fase: GEHUISVEST, eerste: 5) { code fase inwoner { naam } bemiddelingsprofiel { conclusie } woningaanbod { id } huurovereenkomst { corporatie } evaluaties { id } garantieaanvragen { id } } }`;

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation();
  const db = (name: keyof TestFederation['subgraphs']) => fed.subgraphs[name].database.db;
  await seedDemoData({ gemeente: db('gemeente'), regisseur: db('regisseur'), corporatie: db('corporatie'), garantiefonds: db('garantiefonds') }, new Date());
});
afterAll(async () => {
  await fed?.stop();
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
