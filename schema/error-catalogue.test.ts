/**
 * The catalogue cannot rot: every code the source gives is in it, and every entry (but GraphQL's
 * own) is still given somewhere. The types catch `weigering('TYPO', …)`; this scan catches what
 * the types do not see (plain JSON answers, `formatError`, code held in a string).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Voorwaarde } from '../subgraphs/regisseur/routeplanner/transitions.js';
import { FondsErrorCode } from '../subgraphs/garantiefonds/domain/errors.js';
import { ACT_CODES, ACTS, type ActRule, type ActWeigering } from './acts.js';
import { CATALOGUS, catalogusAlsHtml, catalogusAlsJson, catalogusAlsMarkdown, FOUTCODES, GROEPEN, isFoutcode, type Foutbeschrijving } from './error-catalogue.js';
import { ErrorCode, TokenReden } from './errors.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIRS = ['subgraphs', 'gateway', 'schema', 'scripts'];
/** Tests and their fixtures are not the source: they may name a code on purpose to see it refused. */
const isTest = (path: string) =>
  /\.(test|e2e|browser\.test)\.ts$/.test(path) || /(^|\/)(testing|test-fixtures|fixtures)(\.ts|\/)/.test(path);

function sources(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) {
        const path = relative(ROOT, full);
        if (!isTest(path)) out.push({ path, text: readFileSync(full, 'utf8') });
      }
    }
  };
  for (const d of DIRS) walk(join(ROOT, d));
  return out;
}

/** A code literal where a code is set: `code: 'X'`, `weigering('X'`, `weigerFonds('X'`. */
const CODE_POSITIONS = [/\bcode:\s*['"`]([A-Z][A-Z0-9_]{2,})['"`]/g, /\bweiger\w*\(\s*['"`]([A-Z][A-Z0-9_]{2,})['"`]/g];

function codeLiterals(files: { path: string; text: string }[]): { code: string; where: string }[] {
  return files.flatMap(({ path, text }) =>
    CODE_POSITIONS.flatMap((re) => [...text.matchAll(re)].map((m) => ({ code: m[1]!, where: `${path}:${text.slice(0, m.index).split('\n').length}` }))),
  );
}

const files = sources();

describe('the error catalogue', () => {
  it('scans the source tree it guards', () => {
    expect(files.length).toBeGreaterThan(100);
    const found = codeLiterals(files).map((l) => l.code);
    // Literals known to be there: if these vanish, the scan is broken, not the source clean.
    expect(found).toContain('ROUTEPLANNER_ONBEREIKBAAR');
    expect(found).toContain('INTERNAL_SERVER_ERROR');
  });

  it('holds every code literal given by subgraphs, gateway, schema and scripts', () => {
    const missing = codeLiterals(files).filter((l) => !isFoutcode(l.code));
    expect(missing, 'add these to schema/error-catalogue.ts').toEqual([]);
  });

  it('holds every named code: ErrorCode, FondsErrorCode, the acts table', () => {
    const named = [...Object.values(ErrorCode), ...Object.values(FondsErrorCode), ...Object.values(ACT_CODES)];
    for (const rule of Object.values(ACTS as Record<string, ActRule>)) named.push(...Object.values(rule.codes ?? {}));
    expect(named.filter((c) => !isFoutcode(c))).toEqual([]);
  });

  it('has no entry that nothing gives any more (GraphQL’s own codes aside)', () => {
    const text = files
      .filter((f) => f.path !== join('schema', 'error-catalogue.ts'))
      .map((f) => f.text)
      .join('\n');
    const unused = FOUTCODES.filter((code) => {
      if ((CATALOGUS[code] as Foutbeschrijving).ingebouwd) return false;
      // A definition (`X: 'X'` in a map of codes, `const X = 'X'`) is not a use.
      const rest = text.replace(new RegExp(`^\\s*${code}: '${code}',?$`, 'gm'), '').replace(new RegExp(`\\bconst ${code} = '${code}'`, 'g'), '');
      return !new RegExp(`['"\`]${code}['"\`]|\\b(?:Fonds)?ErrorCode\\.${code}\\b|\\bcode: ${code}\\b`).test(rest);
    });
    expect(unused, 'remove these from schema/error-catalogue.ts, or mark GraphQL’s own as `ingebouwd`').toEqual([]);
  });

  it('describes every reason an act is refused for under the code it is refused with', () => {
    const gaps: string[] = [];
    for (const [naam, rule] of Object.entries(ACTS as Record<string, ActRule>)) {
      for (const reden of Object.keys(ACT_CODES) as ActWeigering[]) {
        const code = rule.codes?.[reden] ?? ACT_CODES[reden];
        if (!(CATALOGUS[code] as Foutbeschrijving).redenen?.[reden]) gaps.push(`${naam}: ${code} reden ${reden}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  it('describes every token reason and every precondition of a phase step', () => {
    expect(Object.keys(CATALOGUS.UNAUTHENTICATED.redenen).sort()).toEqual(Object.values(TokenReden).sort());
    // Both ways, at compile time: every `Voorwaarde` is described, and nothing else is.
    const alle: Record<Voorwaarde, unknown> = CATALOGUS.VOORWAARDE_ONTBREEKT.voorwaarden;
    const alleen: Voorwaarde[] = Object.keys(CATALOGUS.VOORWAARDE_ONTBREEKT.voorwaarden) as (keyof typeof CATALOGUS.VOORWAARDE_ONTBREEKT.voorwaarden)[];
    expect(Object.keys(alle)).toEqual(alleen);
  });

  it('says for every code what it means, when, what to do, the status and whether to retry', () => {
    for (const code of FOUTCODES) {
      const e = CATALOGUS[code] as Foutbeschrijving;
      expect(Object.keys(GROEPEN), code).toContain(e.groep);
      for (const t of [e.betekenis, e.wanneer, e.watTeDoen]) expect(t.trim().length, code).toBeGreaterThan(10);
      expect(typeof e.herhaalbaar, code).toBe('boolean');
      for (const s of [e.http ?? 200].flat()) expect(s >= 200 && s < 600, code).toBe(true);
      for (const o of [...Object.values(e.redenen ?? {}), ...Object.values(e.voorwaarden ?? {})]) {
        expect(o.betekenis.length, code).toBeGreaterThan(10);
        expect(o.watTeDoen.length, code).toBeGreaterThan(10);
      }
    }
  });

  it('renders every code in the JSON, the HTML page and the Markdown', () => {
    const json = catalogusAlsJson();
    expect(json.groepen.flatMap((g) => g.codes.map((c) => c.code)).sort()).toEqual([...FOUTCODES].sort());
    const html = catalogusAlsHtml();
    const markdown = catalogusAlsMarkdown();
    for (const code of FOUTCODES) {
      expect(html).toContain(`id="${code}"`);
      expect(markdown).toContain(`\`${code}\``);
    }
    expect(html).not.toMatch(/<script/i);
  });
});
