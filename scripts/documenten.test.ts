/**
 * `npm run documenten` on a real (PGlite) gateway database: an operator registers for a partner, the
 * privacy officer approves and revokes, and what the command line gets wrong is refused before the
 * database is touched.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { documentId } from '../gateway/trusted-documents/register.js';
import { Gebruik, main } from './documenten.js';

let dir: string;
let env: Record<string, string>;
const NAAM = 'query Naam($id: ID!) { traject(id: $id) { inwoner { naam gezondheid } } }\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'documenten-'));
  writeFileSync(join(dir, 'naam.graphql'), NAAM);
  env = { PGLITE_DIR: join(dir, 'data') };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command and returns its exit code and what it printed. */
async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(m));
  const error = vi.spyOn(console, 'error').mockImplementation((m: string) => void err.push(m));
  try {
    return { code: await main(argv, env), out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('npm run documenten', () => {
  const id = documentId(NAAM);

  it('registers a document for an organisation and prints what it can touch', async () => {
    const r = await run('registreer', '--organisatie', 'woonwenz', '--partij', 'CORPORATIE', '--door', 'beheer', join(dir, 'naam.graphql'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${id}  woonwenz (CORPORATIE)  REGISTERED`);
    expect(r.out).toMatch(/IDENTITEIT {2}grondslag WMO_PUBLIEKE_TAAK {2}doel PASSENDE_ONDERSTEUNING {2}via Inwoner\.naam/);
    expect(r.out).toMatch(/GEZONDHEID .* \(bijzonder persoonsgegeven, alleen met toestemming\)/);
  }, 60_000);

  it('approves for that organisation only, and revokes', async () => {
    const ok = await run('keur-goed', '--organisatie', 'woonwenz', '--door', 'fg-jansen', id);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/APPROVED[\s\S]*goedgekeurd .* door fg-jansen/);
    const other = await run('keur-goed', '--organisatie', 'zowonen', '--door', 'fg-jansen', id);
    expect(other.code).toBe(1);
    expect(other.err).toContain('NIET_GEVONDEN');
    const revoked = await run('trek-in', '--organisatie', 'woonwenz', '--door', 'fg-jansen', id, '--json');
    expect(JSON.parse(revoked.out)).toMatchObject({ id, status: 'REVOKED', ingetrokkenDoor: 'fg-jansen' });
    const listed = await run('lijst', '--status', 'APPROVED');
    expect(listed.out).toBe('(geen documenten)');
  }, 60_000);

  it('refuses a document outside the party’s contract', async () => {
    const r = await run('registreer', '--organisatie', 'mgr', '--partij', 'GARANTIEFONDS', join(dir, 'naam.graphql'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('DOCUMENT_ONGELDIG');
  }, 60_000);

  it('refuses an unknown organisation, a party with free queries and a decision without who, before the database', async () => {
    await expect(main(['registreer', '--organisatie', 'woonwnz', '--partij', 'CORPORATIE', 'x.graphql'], env)).rejects.toThrow(/onbekende organisatie "woonwnz"/);
    await expect(main(['registreer', '--organisatie', 'fg', '--partij', 'TOEZICHT', 'x.graphql'], env)).rejects.toThrow(Gebruik);
    await expect(main(['keur-goed', '--organisatie', 'woonwenz', id], env)).rejects.toThrow(/--door ontbreekt/);
  });
});
