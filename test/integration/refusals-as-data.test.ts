/**
 * Refusals are data (`gateway/plugins/use-errors-as-data.ts`): a regisseur's view of 20 cases
 * carries dozens of them. Each reaches the partner as graphql-js serialises it, with its code,
 * reason, field and the subgraph that refused, and none costs a formatted stack on the way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../scripts/demo-data/index.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation();
  const db = (name: keyof TestFederation['subgraphs']) => fed.subgraphs[name].database.db;
  await seedDemoData({ gemeente: db('gemeente'), regisseur: db('regisseur'), corporatie: db('corporatie'), garantiefonds: db('garantiefonds') }, new Date());
});
afterAll(async () => {
  await fed?.stop();
});

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
