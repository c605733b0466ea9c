/**
 * The charting library the dashboard draws with: Chart.js (MIT), its UMD build read from the installed
 * package, so the gateway serves it from its own origin (`use-werkgroep-page.ts`) and the page loads
 * nothing from a CDN or any other host.
 *
 * Why Chart.js 4: maintained, canvas-based (no inline styles or injected stylesheets, so the page's
 * strict Content-Security-Policy stays as it is, only `'self'` added to `script-src`), and its category
 * axis skips labels that would overlap (`autoSkip`), which the hand-drawn SVG did not.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The library as served: its code, its version and the Subresource Integrity value of the code. */
export interface GrafiekBibliotheek {
  readonly code: string;
  readonly versie: string;
  /** `sha384-…` for the `integrity` attribute of the script tag. */
  readonly integrity: string;
}

let geladen: GrafiekBibliotheek | undefined;

/** Reads the installed Chart.js once (the package exports only its module entries, hence the path). */
export function grafiekBibliotheek(): GrafiekBibliotheek {
  if (geladen) return geladen;
  const dist = dirname(createRequire(import.meta.url).resolve('chart.js'));
  const code = readFileSync(join(dist, 'chart.umd.min.js'), 'utf8');
  const { version } = JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')) as { version: string };
  geladen = { code, versie: version, integrity: `sha384-${createHash('sha384').update(code, 'utf8').digest('base64')}` };
  return geladen;
}
