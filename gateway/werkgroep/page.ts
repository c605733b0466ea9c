/**
 * The Werkgroep dashboard: one HTML document (inline CSS and JavaScript, Dutch UI) plus the charting
 * library from the same origin, that asks for a bearer token, sends `WERKGROEP_QUERY` to the gateway and
 * shows the aggregate figures: a summary first (housed against the year's target, median lead time,
 * cases per phase), charts, then the period form and the tables, with CSV export and a print view.
 *
 * Why nothing from elsewhere: the Werkgroep's figures must never depend on, or leak to, a third-party
 * host (CDN, fonts, analytics); the document carries a Content-Security-Policy that allows the hash of
 * its own inline script and style and scripts from its own origin (the gateway serves Chart.js from the
 * installed package, with a Subresource Integrity hash), so nothing else can run or load even if the
 * serving side forgets its headers.
 */
import { createHash } from 'node:crypto';
import { FASEN, GEMEENTEN, REGIOS } from '../../schema/vocabulary.js';
import { CHART_SCRIPT } from './chart-script.js';
import { grafiekBibliotheek } from './chart-library.js';
import { CSV_SCRIPT } from './csv-script.js';
import { APP_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { WERKGROEP_QUERY } from './query.js';

/** What a hidden (suppressed) number shows as, on screen, in the CSV and in print (CBS: "x" = geheim). */
export const ONDERDRUKT_MARKER = 'x';

/** Options of {@link renderWerkgroepPage}. */
export interface WerkgroepPageOptions {
  /** Where the page POSTs the GraphQL query, e.g. `/graphql`. */
  graphqlPath: string;
  /**
   * Show the button "Ontwikkel-login als Werkgroep", which fetches a token from
   * `GET /dev/token?partij=WERKGROEP`. Only for local development.
   * @default false
   */
  devPersonas?: boolean;
  /**
   * Where the page loads the charting library from (same origin; `use-werkgroep-page.ts` serves it).
   * @default '/werkgroep/grafiek.js'
   */
  grafiekScriptPad?: string;
}

const REGIO_NAMEN: Record<(typeof REGIOS)[number], string> = {
  NOORD_LIMBURG: 'Noord-Limburg',
  MIDDEN_LIMBURG: 'Midden-Limburg',
};

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** JSON that is safe inside an inline <script>: no `</script>`, no HTML comment, no line separators. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The origin to allow in `connect-src` when the GraphQL endpoint is given as an absolute URL. */
function connectSource(graphqlPath: string): string {
  if (!/^https?:\/\//i.test(graphqlPath)) return "'self'";
  return `'self' ${new URL(graphqlPath).origin}`;
}

/** The rendered dashboard and the Content-Security-Policy its `<meta>` carries. */
export interface WerkgroepDocument {
  readonly html: string;
  /** The same policy as in the document, for the serving side to send as a header too. */
  readonly contentSecurityPolicy: string;
}

/** Renders the dashboard as one HTML document. */
export function renderWerkgroepPage(options: WerkgroepPageOptions): string {
  return renderWerkgroepDocument(options).html;
}

/** Renders the dashboard and returns its policy with it (see {@link WerkgroepDocument}). */
export function renderWerkgroepDocument(options: WerkgroepPageOptions): WerkgroepDocument {
  const devPersonas = options.devPersonas ?? false;
  const grafiekScriptPad = options.grafiekScriptPad ?? '/werkgroep/grafiek.js';
  if (!grafiekScriptPad.startsWith('/') || grafiekScriptPad.startsWith('//')) {
    throw new TypeError(`grafiekScriptPad moet een pad op dezelfde server zijn, niet ${grafiekScriptPad}`);
  }
  const config = {
    graphqlPath: options.graphqlPath,
    devPersonas,
    query: WERKGROEP_QUERY,
    marker: ONDERDRUKT_MARKER,
    gemeenten: Object.fromEntries(Object.entries(GEMEENTEN).map(([slug, g]) => [slug, g.naam])),
    regios: REGIO_NAMEN,
    fasen: Object.fromEntries(FASEN.map((f) => [f, f.charAt(0) + f.slice(1).toLowerCase()])),
  };
  const script = `(function () {\n'use strict';\nvar CONFIG = ${scriptJson(config)};\n${CHART_SCRIPT}\n${CSV_SCRIPT}\n${APP_SCRIPT}\n})();\n`;
  const csp = [
    "default-src 'none'",
    `script-src 'self' ${sha256(script)}`,
    `style-src ${sha256(PAGE_STYLE)}`,
    `connect-src ${connectSource(options.graphqlPath)}`,
    // Chart.js draws on <canvas>; nothing is loaded as an image.
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const regioOpties = REGIOS.map((r) => `<option value="${r}">${REGIO_NAMEN[r]}</option>`).join('');
  const devKnop = devPersonas
    ? '<button type="button" id="dev-login" class="tweede" data-testid="dev-login">Ontwikkel-login als Werkgroep</button>'
    : '';
  const html = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="referrer" content="no-referrer">
<title>Woonkans – monitoring voor de Werkgroep</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1 data-testid="titel">Woonkans – monitoringcijfers voor de Werkgroep</h1>
<p class="bereik" id="bereik" data-testid="titel-bereik">Meld u aan om de cijfers te zien.</p>
<p class="alleen-print" id="afgedrukt" data-testid="afgedrukt"></p>
</header>
<main>
<form id="aanmelden" class="bediening" data-testid="aanmelden" novalidate>
<label for="token">Toegangstoken (bearer)<input id="token" name="token" type="password" autocomplete="off" spellcheck="false" data-testid="token"></label>
<div class="knoppen">
<button type="submit" data-testid="aanmelden-knop">Aanmelden</button>
${devKnop}
</div>
</form>
<p id="aangemeld" class="bediening" data-testid="aangemeld" hidden>Aangemeld. <button type="button" id="afmelden" class="tweede" data-testid="afmelden">Afmelden</button></p>
<p id="status" role="status" data-testid="status"></p>
<div id="fout" class="fout" role="alert" data-testid="foutmelding" hidden></div>
<div id="overzicht" data-testid="overzicht" hidden></div>
<section class="bediening" aria-label="Periode kiezen">
<form id="filters" data-testid="filters" novalidate>
<fieldset>
<legend>Andere periode of regio</legend>
<label for="periode">Indeling<select id="periode" data-testid="filter-periode"><option value="MAAND">Per maand</option><option value="KWARTAAL">Per kwartaal</option><option value="HALFJAAR">Per halfjaar</option><option value="JAAR">Per jaar</option></select></label>
<label for="van">Van (maand)<input id="van" type="month" placeholder="JJJJ-MM" data-testid="filter-van"></label>
<label for="tot">Tot en met (maand)<input id="tot" type="month" placeholder="JJJJ-MM" data-testid="filter-tot"></label>
<label for="regio">Regio<select id="regio" data-testid="filter-regio"><option value="">Beide regio's</option>${regioOpties}</select></label>
</fieldset>
<p class="uitleg">Kies één maand, kwartaal, halfjaar of jaar, of hele kalenderjaren: vaste perioden voorkomen dat cijfers tegen elkaar weg te strepen zijn. Per jaar blijft het minst verborgen.</p>
<div class="knoppen">
<button type="submit" data-testid="toon-cijfers">Toon cijfers</button>
<button type="button" id="exporteer" class="tweede" data-testid="exporteer-csv" disabled>Exporteer CSV</button>
<button type="button" id="afdrukken" class="tweede" data-testid="afdrukken" disabled>Afdrukken</button>
</div>
</form>
</section>
<div id="tabellen" data-testid="tabellen" hidden></div>
</main>
<script src="${escapeAttribute(grafiekScriptPad)}" integrity="${grafiekBibliotheek().integrity}"></script>
<script>${script}</script>
</body>
</html>
`;
  return { html, contentSecurityPolicy: csp };
}
