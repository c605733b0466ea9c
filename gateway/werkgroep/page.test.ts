import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { grafiekBibliotheek } from './chart-library.js';
import { renderWerkgroepPage } from './page.js';
import { WERKGROEP_QUERY } from './query.js';

const hash = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const between = (html: string, tag: string): string => {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html);
  if (!m) throw new Error(`no <${tag}>`);
  return m[1]!;
};

describe('renderWerkgroepPage', () => {
  const html = renderWerkgroepPage({ graphqlPath: '/graphql' });

  it('is one document that loads only the charting library, from its own origin, integrity-checked', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(link|img|iframe)[^>]+(src|href)=/i);
    expect([...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].map((m) => m[0])).toEqual([
      `<script src="/werkgroep/grafiek.js" integrity="${grafiekBibliotheek().integrity}">`,
    ]);
    expect(grafiekBibliotheek().integrity).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
    expect(html).toContain('<html lang="nl">');
  });

  it('refuses a charting library path on another host', () => {
    expect(() => renderWerkgroepPage({ graphqlPath: '/graphql', grafiekScriptPad: '//cdn.example/chart.js' })).toThrow(TypeError);
    expect(() => renderWerkgroepPage({ graphqlPath: '/graphql', grafiekScriptPad: 'https://cdn.example/chart.js' })).toThrow(TypeError);
  });

  it('allows only its own inline script and style, and scripts from its own origin', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src 'self' ${hash(between(html, 'script'))}`);
    expect(csp).toContain(`style-src ${hash(between(html, 'style'))}`);
    expect(csp).toContain("connect-src 'self'");
  });

  it('carries the shared query unchanged', () => {
    expect(html).toContain(JSON.stringify(WERKGROEP_QUERY).replace(/</g, '\\u003c').replace(/>/g, '\\u003e'));
  });

  it('shows the development login only when asked', () => {
    expect(html).not.toContain('data-testid="dev-login"');
    expect(renderWerkgroepPage({ graphqlPath: '/graphql', devPersonas: true })).toContain('Ontwikkel-login als Werkgroep');
  });

  it('cannot be broken out of by the GraphQL path', () => {
    const evil = renderWerkgroepPage({ graphqlPath: '/graphql</script><script>alert(1)//' });
    expect(evil.match(/<\/script>/g)).toHaveLength(2);
  });

  it('allows an absolute GraphQL URL in connect-src', () => {
    expect(renderWerkgroepPage({ graphqlPath: 'https://gateway.example/graphql' })).toContain("connect-src 'self' https://gateway.example");
  });
});
