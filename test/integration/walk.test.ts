/**
 * The README's walk, as code (issue 15 §4): `npm run walk` takes one new case from melding to close
 * against a running federation with each responsible party's token; the README shows exactly the
 * operations it sends, printed from the same steps.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ETAPPES, GEMEENTE_VENLO, STAPPEN, walkEtappes, walkMarkdown } from '../../scripts/walk/steps.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation();
});
afterAll(async () => {
  await fed?.stop();
});

const STAND = `query($id: ID!) { traject(id: $id) { fase uitkomst { soort } transities { naar partij } } }`;

describe('the walk of one case', () => {
  it('goes from melding to close, each act by its own party, and the case records every step', async () => {
    const seen: string[] = [];
    const c = await walkEtappes((p, q, v) => fed.gql(p, q, v), ETAPPES, null, { naam: 'Wandel Proef', onStap: (stap) => seen.push(stap.persona.partij) });
    expect(seen).toHaveLength(STAPPEN.length);
    expect(new Set(seen)).toEqual(new Set(['GEMEENTE', 'REGISSEUR', 'CORPORATIE']));
    // The resident's gemeente keeps the file's course after the close (VERLOOP); the regisseur not.
    const r = await fed.gql<any>(GEMEENTE_VENLO, STAND, { id: c.id });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data.traject.fase).toBe('AFGESLOTEN');
    expect(r.data.traject.uitkomst.soort).toBe('HUUR_BEEINDIGD_POSITIEF');
    expect(r.data.traject.transities.map((t: { naar: string }) => t.naar)).toEqual(['MELDING', 'ONDERZOEK', 'BEMIDDELING', 'CORPORATIEGESPREK', 'HUUROVEREENKOMST', 'GEHUISVEST', 'AFGESLOTEN']);
  });

  it('npm run walk does the same against the running gateway and says so', { timeout: 120_000 }, async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/walk.ts', '--url', fed.gatewayUrl, '--naam', 'Script Proef'], {
      timeout: 110_000,
    });
    expect(stdout.match(/ ok$/gm)).toHaveLength(STAPPEN.length);
    expect(stdout).toMatch(/doorlopen van melding tot afsluiting/);
  });

  it('the README shows exactly the operations the walk sends', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(walkMarkdown());
  });
});
