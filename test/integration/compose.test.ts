/**
 * Issue 15, item 8: the compose file is a deployment that works, not a sketch. No container engine
 * runs in CI, so this test takes `compose.yaml` apart and checks what an engine would run:
 *
 * - statically (always): every service's command exists, every variable it sets is a documented
 *   setting, every `${…}` it asks for is in `deploy/env.example`, every database it names is created
 *   by `deploy/postgres/init.sql`, its secrets are the files `npm run sleutels` makes;
 * - as a rehearsal (on a PostgreSQL server): the five services run as processes with exactly the
 *   compose file's commands and environment — only host names, ports, database names and file paths
 *   mapped to this machine — with keys from `npm run sleutels` and an identity provider's JWKS over
 *   HTTP, in the order of `depends_on`, each awaited on its healthcheck's `/readyz`; then one case
 *   is walked from melding to close through the gateway with every party's own signed token.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateDevKeys, type DevKeys } from '../../gateway/dev-issuer/keys.js';
import { mintToken } from '../../gateway/dev-issuer/mint.js';
import { freePort } from '../../scripts/federation.js';
import { ETAPPES, walkEtappes } from '../../scripts/walk/steps.js';
import semver from 'semver';

interface ComposeService {
  readonly command?: string[];
  readonly environment?: Record<string, string>;
  readonly secrets?: string[];
  readonly depends_on?: Record<string, unknown>;
  readonly healthcheck?: unknown;
}
interface ComposeFile {
  readonly services: Record<string, ComposeService>;
  readonly secrets: Record<string, { file: string }>;
}

const compose = parse(readFileSync('compose.yaml', 'utf8'), { merge: true }) as ComposeFile;
const apps = Object.entries(compose.services).filter(([name]) => name !== 'postgres');
/** Compose-only: the port a service's healthcheck asks `/readyz` on. */
const COMPOSE_ONLY = new Set(['READY_PORT']);

describe('compose.yaml, read as an engine would', () => {
  const readme = readFileSync('README.md', 'utf8');
  const settingsTable = readme.slice(readme.indexOf('**Every setting**'));

  it('runs the gateway and the four subgraphs from their entry points, with node (SIGTERM reaches the service)', () => {
    expect(apps.map(([name]) => name).sort()).toEqual(['corporatie', 'garantiefonds', 'gateway', 'gemeente', 'regisseur']);
    for (const [name, service] of apps) {
      const [node, flag, loader, entry, arg] = service.command ?? [];
      expect([node, flag, loader], name).toEqual(['node', '--import', 'tsx']);
      expect(existsSync(entry!), `${name}: ${entry}`).toBe(true);
      if (name !== 'gateway') expect(arg).toBe(name);
    }
  });

  it('sets only documented settings, and asks only for what deploy/env.example explains', () => {
    const example = readFileSync('deploy/env.example', 'utf8');
    const raw = readFileSync('compose.yaml', 'utf8');
    for (const match of raw.matchAll(/\$\{(\w+)/g)) expect(example, `\${${match[1]}} in compose.yaml`).toMatch(new RegExp(`^${match[1]}=`, 'm'));
    for (const [name, service] of apps) {
      for (const key of Object.keys(service.environment ?? {})) {
        if (COMPOSE_ONLY.has(key)) continue;
        const documented = settingsTable.includes(`\`${key}\``) || (key === `DATABASE_URL_${name.toUpperCase()}` && settingsTable.includes('`DATABASE_URL_<NAME>`'));
        expect(documented, `${name}: ${key} is not in the README's settings table`).toBe(true);
      }
    }
  });

  it('names only databases that init.sql creates, and secrets that `npm run sleutels` makes', () => {
    const init = readFileSync('deploy/postgres/init.sql', 'utf8');
    for (const [name, service] of apps) {
      for (const value of Object.values(service.environment ?? {})) {
        const db = /^postgres:\/\/.*\/(\w+)$/.exec(value)?.[1];
        if (db) expect(init, `${name}: database ${db}`).toMatch(new RegExp(`CREATE DATABASE ${db};`));
      }
    }
    expect(Object.values(compose.secrets).map((s) => s.file).sort()).toEqual(['./deploy/keys/controlepunt.json', './deploy/keys/sleutel.json']);
  });

  it('builds on the Node major that package.json declares', () => {
    const from = /^FROM node:(\d+)/m.exec(readFileSync('Dockerfile', 'utf8'))?.[1];
    const engines = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;
    expect(semver.minVersion(engines)?.major).toBe(Number(from));
  });
});

const server = process.env['TEST_DATABASE_URL'];

describe.skipIf(!server)('compose.yaml, rehearsed as processes on a PostgreSQL server', { timeout: 240_000 }, () => {
  const children: ChildProcess[] = [];
  const databases: string[] = [];
  let dir: string;
  let jwks: Server;
  let keys: DevKeys;
  let gatewayUrl: string;
  const issuer = 'https://idp.compose.test';
  const audience = 'woonkans-gateway';
  const prefix = `woonkans_compose_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'woonkans-compose-'));
    // The operator's step before the first `up`: the federation's own keys.
    const made = await runScript(['scripts/sleutels.ts', join(dir, 'keys')]);
    expect(made.code, made.output).toBe(0);

    ({ keys } = await generateDevKeys());
    jwks = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [keys.publicJwk] })));
    const jwksPort = await listen(jwks);

    // Container ports → this machine's free ports; service host names → 127.0.0.1.
    const ports = new Map<string, number>();
    for (const [name, service] of apps) {
      const own = Object.entries(service.environment ?? {}).find(([k]) => k === 'PORT' || k === `${name.toUpperCase()}_PORT`);
      ports.set(`${name}:${own![1]}`, await freePort());
    }
    const admin = postgres(server!, { max: 1, onnotice: () => {} });
    const serverUrl = new URL(server!);
    const substitute = (value: string): string => {
      const resolved = value
        .replace(/\$\{JWKS_URL[^}]*\}/g, `http://127.0.0.1:${jwksPort}/jwks.json`)
        .replace(/\$\{JWT_ISSUER[^}]*\}/g, issuer)
        .replace(/\$\{JWT_AUDIENCE[^}]*\}/g, audience)
        .replace(/\$\{(\w+)[^}]*\}/g, '')
        .replace(/^\/run\/secrets\/(\w+)$/, (_m, secret: string) => join(dir, 'keys', compose.secrets[secret]!.file.split('/').pop()!))
        .replace(/^\/var\/lib\/woonkans/, join(dir, 'volume'))
        .replace(/^http:\/\/(\w+):(\d+)/, (_m, host: string, port: string) => `http://127.0.0.1:${ports.get(`${host}:${port}`)}`);
      const db = /^postgres:\/\/[^@]*@postgres:5432\/(\w+)$/.exec(resolved)?.[1];
      if (!db) return resolved;
      const url = new URL(serverUrl);
      url.pathname = `/${prefix}_${db}`;
      return url.toString();
    };
    for (const db of readFileSync('deploy/postgres/init.sql', 'utf8').matchAll(/CREATE DATABASE (\w+);/g)) {
      await admin.unsafe(`create database ${prefix}_${db[1]}`);
      databases.push(`${prefix}_${db[1]}`);
    }
    await admin.end();

    const started = new Set<string>();
    const start = async (name: string, service: ComposeService): Promise<void> => {
      const environment: Record<string, string> = {};
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        environment[key] = /_PORT$|^PORT$/.test(key) ? String(ports.get(`${name}:${value}`)) : substitute(value);
      }
      const readyPort = ports.get(`${name}:${service.environment!['READY_PORT']}`);
      const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(JWKS_URL|JWT_|DEV_ISSUER|SLEUTEL_KEY_FILE|LOGBOEK_|DATABASE_URL.*|TEST_DATABASE_URL|PORT|.*_PORT|.*_URL|PGLITE_DIR)$/.test(k)));
      const [node, ...args] = service.command!;
      expect(node).toBe('node');
      const child = spawn(process.execPath, args, {
        env: { ...clean, ...environment, HOST: '127.0.0.1', PGLITE_DIR: join(dir, 'no-pglite-expected') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let output = '';
      child.stdout!.on('data', (c) => (output += String(c)));
      child.stderr!.on('data', (c) => (output += String(c)));
      await waitReady(`http://127.0.0.1:${readyPort}/readyz`, child, () => output);
      started.add(name);
    };
    // depends_on decides the order, as the engine's would.
    while (started.size < apps.length) {
      const ready = apps.filter(([name, s]) => !started.has(name) && Object.keys(s.depends_on ?? {}).every((d) => d === 'postgres' || started.has(d)));
      expect(ready.length, 'a depends_on cycle or an unknown service').toBeGreaterThan(0);
      await Promise.all(ready.map(([name, s]) => start(name, s)));
    }
    gatewayUrl = `http://127.0.0.1:${ports.get('gateway:4000')}`;
  });

  afterAll(async () => {
    await Promise.all(children.map((child) => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    })));
    jwks?.close();
    const admin = postgres(server!, { max: 1, onnotice: () => {} });
    for (const db of databases) await admin.unsafe(`drop database if exists ${db} with (force)`);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
  });

  it('walks one case from melding to close through the gateway, every act with the responsible party\'s token', async () => {
    const walked = await walkEtappes(async (persona, query, variables) => {
      const token = await mintToken(keys, persona, { issuer, audience });
      const response = await fetch(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: unknown; errors?: unknown };
    }, ETAPPES, null);
    expect(walked.code).toMatch(/\S/);
    // Every service ran on the server: none fell back to an embedded database.
    expect(existsSync(join(dir, 'no-pglite-expected'))).toBe(false);
  });

  it('mints no tokens: the deployed gateway has no development issuer', async () => {
    expect((await fetch(`${gatewayUrl}/dev/token?partij=TOEZICHT`)).status).toBe(404);
  });
});

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

function runScript(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += String(c)));
    child.stderr.on('data', (c) => (output += String(c)));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

async function waitReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the service stopped (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url}: not ready in time:\n${output()}`);
}
