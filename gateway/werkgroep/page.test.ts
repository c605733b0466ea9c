import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
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

  it('is one document that loads nothing from anywhere', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).toContain('<html lang="nl">');
  });

  it('allows only its own inline script and style', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${hash(between(html, 'script'))}`);
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
    expect(evil.match(/<\/script>/g)).toHaveLength(1);
  });

  it('allows an absolute GraphQL URL in connect-src', () => {
    expect(renderWerkgroepPage({ graphqlPath: 'https://gateway.example/graphql' })).toContain("connect-src 'self' https://gateway.example");
  });
});
