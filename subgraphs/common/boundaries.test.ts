import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES } from '../catalog.js';

const COMMON = dirname(fileURLToPath(import.meta.url));
const SUBGRAPHS = resolve(COMMON, '..');

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (name.endsWith('.ts')) yield path;
  }
}

/** Every relative module a file imports or re-exports (static or dynamic). */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return found.map((spec) => resolve(dirname(file), spec));
}

describe('subgraphs/common', () => {
  it("imports nothing of a subgraph's own: each subgraph hands in what the shared code needs", () => {
    const owned = SUBGRAPH_NAMES.map((name) => join(SUBGRAPHS, name) + '/');
    const crossings = [...sources(COMMON)].flatMap((file) =>
      imports(file)
        .filter((target) => owned.some((dir) => target.startsWith(dir)))
        .map((target) => `${relative(SUBGRAPHS, file)} → ${relative(SUBGRAPHS, target)}`),
    );
    expect(crossings).toEqual([]);
  });
});
