/**
 * Moments reach partners as ISO-8601 in UTC (`2026-11-10T00:00:00.000Z`) in every subgraph, on both
 * databases: PostgreSQL's own text form (`2026-11-10 00:00:00+00`) reached answers before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';
import { GEMEENTE_VENLO, toBemiddeling, toOnderzoek } from '../helpers/walk.js';

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation();
});
afterAll(async () => {
  await fed?.stop();
});

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const DATE_TIME_LIKE = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d/;

/** Every string leaf of an answer that looks like a moment, with its path. */
function moments(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return DATE_TIME_LIKE.test(value) ? [[path, value]] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => moments(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => moments(v, `${path}.${k}`));
  return [];
}

describe('moments', () => {
  it('every moment the gemeente reads of a case, from every subgraph, is ISO-8601 UTC', async () => {
    const c = await toBemiddeling(fed, await toOnderzoek(fed, 'Iso Tijd'));
    const r = await fed.gql<any>(
      GEMEENTE_VENLO,
      `query($id: ID!) { traject(id: $id) { onderzoek { gesprekOp } melding { ontvangenOp } transities { op } toestemmingen { gegevenOp geldigTot } } }`,
      { id: c.id },
    );
    expect(r.errors).toBeUndefined();
    const found = moments(r.data);
    expect(found.length).toBeGreaterThan(4);
    expect(found.filter(([, v]) => !ISO.test(v))).toEqual([]);
    expect(r.data.traject.onderzoek.gesprekOp).toBe('2026-11-10T00:00:00.000Z');
  });
});
