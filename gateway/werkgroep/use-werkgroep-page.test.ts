/** The gateway plugin that serves the page (`gateway/plugins/use-werkgroep-page.ts`), hook by hook. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { grafiekBibliotheek } from './chart-library.js';
import { useWerkgroepPage } from '../plugins/use-werkgroep-page.js';

async function vraag(plugin: ReturnType<typeof useWerkgroepPage>, method: string, path: string): Promise<Response | undefined> {
  let response: Response | undefined;
  await (plugin.onRequest as (payload: unknown) => unknown)({
    url: new URL(path, 'http://gateway.test'),
    request: new Request(new URL(path, 'http://gateway.test'), { method }),
    endResponse: (r: Response) => void (response = r),
    fetchAPI: { Response },
  });
  return response;
}

describe('useWerkgroepPage', () => {
  it('serves the page on GET and HEAD at /werkgroep, with the policy as a header that also forbids framing', async () => {
    const plugin = useWerkgroepPage({ devPersonas: true });
    const get = (await vraag(plugin, 'GET', '/werkgroep'))!;
    expect(get.status).toBe(200);
    const html = await get.text();
    expect(html).toContain('data-testid="dev-login"');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1]!.replace(/&#39;|&apos;/g, "'");
    expect(get.headers.get('content-security-policy')).toBe(`${meta}; frame-ancestors 'none'`);
    expect(get.headers.get('cache-control')).toBe('no-store');
    const head = (await vraag(plugin, 'HEAD', '/werkgroep/'))!;
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves the installed Chart.js under the page path, the code the page\'s integrity hash names', async () => {
    const plugin = useWerkgroepPage({ path: '/dashboard' });
    const html = await (await vraag(plugin, 'GET', '/dashboard'))!.text();
    expect(html).toContain(`<script src="/dashboard/grafiek.js" integrity="${grafiekBibliotheek().integrity}">`);
    const js = (await vraag(plugin, 'GET', '/dashboard/grafiek.js'))!;
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    const code = await js.text();
    expect(`sha384-${createHash('sha384').update(code, 'utf8').digest('base64')}`).toBe(grafiekBibliotheek().integrity);
    expect(code).toContain(`Chart.js v${grafiekBibliotheek().versie}`);
    expect(await (await vraag(plugin, 'HEAD', '/dashboard/grafiek.js'))!.text()).toBe('');
    expect(await vraag(plugin, 'GET', '/werkgroep/grafiek.js')).toBeUndefined();
  });

  it('hides the development sign-in unless asked', async () => {
    const html = await (await vraag(useWerkgroepPage(), 'GET', '/werkgroep'))!.text();
    expect(html).not.toContain('data-testid="dev-login"');
  });

  it('refuses other methods and leaves other paths alone', async () => {
    const plugin = useWerkgroepPage({ path: '/dashboard' });
    const post = (await vraag(plugin, 'POST', '/dashboard'))!;
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(await vraag(plugin, 'GET', '/werkgroep')).toBeUndefined();
    expect(await vraag(plugin, 'GET', '/dashboard/extra')).toBeUndefined();
    expect(await vraag(plugin, 'POST', '/graphql')).toBeUndefined();
  });
});
