import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `npm run scale` as a partner's operator runs it, with this environment and these flags. */
function scale(args: string[], env: Record<string, string | undefined>) {
  const { DATABASE_URL: _drop, ...rest } = process.env;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scale.ts', ...args], { cwd: ROOT, env: { ...rest, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stderr: r.stderr };
}

describe('npm run scale: bad input is one line and exit 2, before any database is touched', () => {
  it.each([
    [[] as string[], {}, /DATABASE_URL/],
    [['--cases=honderdduizend'], { DATABASE_URL: 'postgres://127.0.0.1:9/leeg' }, /--cases=/],
    [['--cases=399'], { DATABASE_URL: 'postgres://127.0.0.1:9/leeg' }, /--cases=/],
    [['--cases=1000', '--records-per-case=0'], { DATABASE_URL: 'postgres://127.0.0.1:9/leeg' }, /--records-per-case=/],
  ])('%j', (args, env, message) => {
    const r = scale(args, env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
