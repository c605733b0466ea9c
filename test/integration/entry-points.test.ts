/**
 * Issue 12, part 3: development identity stays development. The gateway's and the subgraphs' own
 * entry points (deployment apart) refuse to start without `JWKS_URL` (a subgraph also without the
 * `sleutel` key of part 5), and a gateway started from its own entry point serves no development
 * issuer; only `npm start`'s demo does.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/federation.js';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'woonkans-entry-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** The environment of a fresh deployment: nothing of ours set, data kept out of the checkout. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(JWKS_URL|DEV_ISSUER|SLEUTEL_KEY_FILE|DATABASE_URL.*|TEST_DATABASE_URL|PORT)$/.test(k)));
  return { ...clean, PGLITE_DIR: dataDir, ...extra };
}

/**
 * Runs `entry` until it exits, or until `ready` shows on stdout (then `whileRunning` runs against
 * it and the process is stopped). A process that neither exits nor gets ready in time is killed.
 */
function run(entry: string[], environment: NodeJS.ProcessEnv, ready?: RegExp, whileRunning?: () => Promise<void>): Promise<Run & { ready: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...entry], { env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let wasReady = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
      if (!wasReady && ready?.test(stdout)) {
        wasReady = true;
        (whileRunning ?? (async () => {}))().then(() => child.kill('SIGTERM'), (error) => {
          child.kill('SIGKILL');
          reject(error);
        });
      }
    });
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ready: wasReady });
    });
  });
}

/** The gateway's JSON log line once it listens (stdout is no terminal here, so the log is JSON). */
const GATEWAY_READY = /"service":"gateway".*"msg":"gestart"/;

describe('the entry points of deployment apart', { timeout: 120_000 }, () => {
  it('gateway: refuses to start without JWKS_URL, with a clear message and a non-zero exit', async () => {
    const result = await run(['gateway/main.ts'], env({ PORT: String(await freePort()) }), GATEWAY_READY);
    expect(result.ready).toBe(false);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/JWKS_URL ontbreekt/);
  });

  it.each(['gemeente', 'regisseur'])('%s subgraph: refuses to start without JWKS_URL, with a clear message and a non-zero exit', async (name) => {
    const result = await run(['subgraphs/main.ts', name], env({ [`${name.toUpperCase()}_PORT`]: String(await freePort()) }), /graphql/);
    expect(result.ready).toBe(false);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/JWKS_URL ontbreekt/);
  });

  it.each([
    ['scripts/start.ts', 'MONITORING_DREMPEL', '2'],
    ['scripts/start.ts', 'MAX_TOKENS', 'veel'],
    ['gateway/main.ts', 'CORS_ORIGINS', 'niet-een-origin'],
    ['gateway/main.ts', 'LOG_LEVEL', 'luid'],
    ['scripts/start.ts', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'collector:4318'],
  ])('%s with a bad %s: one line naming the setting, exit 2, no stack trace', async (entry, name, value) => {
    const result = await run([entry], env({ [name]: value, JWKS_URL: 'http://127.0.0.1:9/jwks.json', PORT: String(await freePort()) }), /draait|gateway:/);
    expect(result.ready).toBe(false);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(name);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('subgraph with JWKS_URL but no SLEUTEL_KEY_FILE: refuses to start rather than make a key of its own', async () => {
    const result = await run(['subgraphs/main.ts', 'corporatie'], env({ JWKS_URL: 'http://127.0.0.1:9/jwks.json', CORPORATIE_PORT: String(await freePort()) }), /graphql/);
    expect(result.ready).toBe(false);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/SLEUTEL_KEY_FILE ontbreekt/);
  });

  it('gateway with JWKS_URL: starts, and serves no development issuer (no token for TOEZICHT or anyone)', async () => {
    const port = await freePort();
    let devToken = 0;
    let devJwks = 0;
    const result = await run(['gateway/main.ts'], env({ PORT: String(port), JWKS_URL: 'http://127.0.0.1:9/jwks.json' }), GATEWAY_READY, async () => {
      devToken = (await fetch(`http://127.0.0.1:${port}/dev/token?partij=TOEZICHT`)).status;
      devJwks = (await fetch(`http://127.0.0.1:${port}/dev/jwks.json`)).status;
    });
    expect(result.ready, result.stderr).toBe(true);
    expect(devToken).toBe(404);
    expect(devJwks).toBe(404);
  });
});
