/**
 * Spawns the real `npm start` entry point (scripts/start.ts) on free ports, waits until it prints
 * its URLs, and gives the test its gateway URL, a development token and its exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../scripts/federation.js';

export interface StartedProcess {
  readonly child: ChildProcess;
  readonly gatewayUrl: string;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
  token(query: string): Promise<string>;
  gql(token: string, query: string, timeoutMs?: number): Promise<{ status: number; ms: number; body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } }>;
}

export async function startProcess(env: Record<string, string>, readyTimeoutMs = 90_000): Promise<StartedProcess> {
  const port = await freePort();
  const ports: Record<string, string> = { PORT: String(port) };
  for (const n of ['GEMEENTE', 'REGISSEUR', 'CORPORATIE', 'GARANTIEFONDS']) ports[`${n}_PORT`] = String(await freePort());
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(JWKS_URL|DEV_ISSUER|SLEUTEL_KEY_FILE|DATABASE_URL.*|TEST_DATABASE_URL|PORT|.*_PORT)$/.test(k)));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env: { ...clean, ...ports, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => (out += String(c)));
  child.stderr!.on('data', (c) => (out += String(c)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Nobody gets a handle on a process that did not start in time: stop it here.
      child.kill('SIGKILL');
      reject(new Error(`start niet binnen de tijd:\n${out}`));
    }, readyTimeoutMs);
    const check = setInterval(() => {
      if (/Woonkans Gateway draait/.test(out)) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`start stopte (${code}):\n${out}`));
    });
  });
  const gatewayUrl = `http://127.0.0.1:${port}`;
  return {
    child,
    gatewayUrl,
    output: () => out,
    exited,
    token: async (query) => ((await (await fetch(`${gatewayUrl}/dev/token?${query}`)).json()) as { token: string }).token,
    gql: async (token, query, timeoutMs = 30_000) => {
      const t = performance.now();
      const r = await fetch(`${gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await r.json()) as never;
      return { status: r.status, ms: performance.now() - t, body };
    },
  };
}
