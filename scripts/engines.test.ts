import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * The project declares one Node version (package.json `engines`); every installed package must run on
 * its lowest, or `npm ci` warns EBADENGINE and the README's "Node 20" is a wish (issue 15, item 8).
 * The packages whose newest lines want Node 22 are pinned in package.json (`overrides`).
 */
function installedPackages(dir: string): { name: string; version: string; node?: string; at: string }[] {
  const found: { name: string; version: string; node?: string; at: string }[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const at = join(dir, entry);
    if (entry.startsWith('@')) {
      found.push(...installedPackages(at));
      continue;
    }
    const manifest = join(at, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; version: string; engines?: { node?: string } };
    found.push({ name: pkg.name, version: pkg.version, node: pkg.engines?.node, at });
    if (existsSync(join(at, 'node_modules'))) found.push(...installedPackages(join(at, 'node_modules')));
  }
  return found;
}

describe('the Node version', () => {
  const declared = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;
  const lowest = semver.minVersion(declared)!;

  it('is the one this machine runs, at least', () => {
    expect(semver.satisfies(process.version, declared)).toBe(true);
  });

  it(`is met by every installed package at its lowest (${declared})`, () => {
    const unmet = installedPackages('node_modules')
      .filter((p) => p.node && !semver.satisfies(lowest, p.node))
      .map((p) => `${p.name}@${p.version} wants node ${p.node} (${p.at})`);
    expect(unmet).toEqual([]);
  });
});
