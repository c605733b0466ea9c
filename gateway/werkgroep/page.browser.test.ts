/**
 * The Werkgroep page in a real browser (Debian Chromium via playwright-core) against a fake GraphQL
 * endpoint on the same tiny server, which also serves the installed Chart.js as the gateway does. The
 * fake answers a fixed figures object for the token "werkgroep-ok", 36 months for "werkgroep-36",
 * HTTP 401 for "verlopen", ONGELDIGE_INVOER for "te-lang" and DOSERING_GEWEIGERD for any other token.
 * Layout checks run at desktop (1280×800) and phone (390×844) widths. The end-to-end test against the
 * real gateway is `test/e2e/werkgroep.e2e.ts`.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WerkgroepMonitoring } from '../../schema/monitoring/dashboard-view.js';
import { grafiekBibliotheek } from './chart-library.js';
import { ONDERDRUKT_MARKER, renderWerkgroepPage } from './page.js';
import { WERKGROEP_QUERY } from './query.js';
import { chromiumMissing, launchChromium } from './test-browser.js';

const x = { waarde: null, onderdrukt: true } as const;
const n = (waarde: number) => ({ waarde, onderdrukt: false });

const FIGURES: WerkgroepMonitoring = {
  drempel: 5,
  perPeriode: [
    { periode: '2025-01', aangemeld: n(12), doelgroep: n(7), gehuisvest: x, nietDoelgroepRegulier: n(0), nietDoelgroepAnders: x },
    { periode: '2025-02', aangemeld: n(8), doelgroep: x, gehuisvest: n(6), nietDoelgroepRegulier: n(5), nietDoelgroepAnders: x },
    { periode: '2025-03', aangemeld: x, doelgroep: x, gehuisvest: n(1234), nietDoelgroepRegulier: n(0), nietDoelgroepAnders: n(0) },
  ],
  perGemeente: [
    { gemeente: 'venlo', regio: 'NOORD_LIMBURG', aangemeld: n(10), gehuisvest: n(6) },
    { gemeente: 'beesel', regio: 'NOORD_LIMBURG', aangemeld: x, gehuisvest: n(0) },
    { gemeente: 'roermond', regio: 'MIDDEN_LIMBURG', aangemeld: n(8), gehuisvest: x },
  ],
  doelen: [
    { regio: 'NOORD_LIMBURG', jaar: 2025, doel: 120, gerealiseerd: n(96) },
    { regio: 'MIDDEN_LIMBURG', jaar: 2025, doel: 100, gerealiseerd: x },
  ],
  doorlooptijd: { mediaanDagen: 59, p25Dagen: 40, p75Dagen: 81, onderdrukt: false },
  doorlooptijdPerJaar: [{ jaar: 2025, mediaanDagen: 59, p25Dagen: 40, p75Dagen: 81, onderdrukt: false }],
  fasenNu: [
    { fase: 'MELDING', aantal: x },
    { fase: 'ONDERZOEK', aantal: n(0) },
    { fase: 'BEMIDDELING', aantal: n(14) },
    { fase: 'CORPORATIEGESPREK', aantal: x },
    { fase: 'HUUROVEREENKOMST', aantal: n(5) },
    { fase: 'GEHUISVEST', aantal: n(60) },
    { fase: 'AFGESLOTEN', aantal: n(31) },
  ],
  gesprekken: {
    leiddeTotHuisvesting: n(20),
    nietGeleid: n(9),
    redenen: [
      { reden: 'Geen passende woning; "nog niet"', aantal: n(6) },
      { reden: 'Overige redenen', aantal: x },
    ],
  },
  zelfstandig: { naEenJaar: n(17), naTweeJaar: x },
  garantiefonds: { saldoCent: 4_523_050, bijdragenOpenstaandCent: 100_000, aanvragen: 3, uitbetaaldCent: 125_099 },
  zonderToestemming: { gedeeld: 2, bezwaren: 0 },
};

/** 36 months (2024–2026), every third month's housing hidden: the multi-year view. */
const DRIE_JAAR: WerkgroepMonitoring = {
  ...FIGURES,
  perPeriode: Array.from({ length: 36 }, (_, i) => ({
    periode: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
    aangemeld: n(10 + (i % 7)),
    doelgroep: n(6),
    gehuisvest: i % 3 === 0 ? x : n(5 + (i % 4)),
    nietDoelgroepRegulier: n(0),
    nietDoelgroepAnders: x,
  })),
  doorlooptijd: { mediaanDagen: 68, p25Dagen: 50, p75Dagen: 90, onderdrukt: false },
  doorlooptijdPerJaar: [
    { jaar: 2024, mediaanDagen: 70, p25Dagen: 55, p75Dagen: 95, onderdrukt: false },
    { jaar: 2025, mediaanDagen: null, p25Dagen: null, p75Dagen: null, onderdrukt: true },
    { jaar: 2026, mediaanDagen: 65, p25Dagen: 48, p75Dagen: 88, onderdrukt: false },
  ],
};

/** The viewports the layout must work at. */
const SCHERMEN = [
  { naam: 'desktop', width: 1280, height: 800 },
  { naam: 'telefoon', width: 390, height: 844 },
] as const;

interface Seen {
  headers: IncomingHttpHeaders;
  body: { query: string; variables: Record<string, unknown> };
}

const missing = chromiumMissing();
if (missing) console.warn(`page.browser.test.ts: ${missing}`);

describe.skipIf(missing !== null)(`Werkgroep page in Chromium${missing ? ` — SKIPPED: ${missing}` : ''}`, () => {
  let server: Server;
  let browser: Browser;
  let base = '';
  let page: Page;
  const seen: Seen[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const html = renderWerkgroepPage({ graphqlPath: '/graphql', devPersonas: true });
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/werkgroep') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
      } else if (req.method === 'GET' && url.pathname === '/werkgroep/grafiek.js') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(grafiekBibliotheek().code);
      } else if (req.method === 'GET' && url.pathname === '/dev/token' && url.searchParams.get('partij') === 'WERKGROEP') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'werkgroep-ok' }));
      } else if (req.method === 'POST' && url.pathname === '/graphql') {
        let raw = '';
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => (raw += chunk));
        req.on('end', () => {
          seen.push({ headers: req.headers, body: JSON.parse(raw) as Seen['body'] });
          const auth = req.headers.authorization;
          const json = (status: number, body: unknown) =>
            res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
          if (auth === 'Bearer werkgroep-ok') json(200, { data: { monitoring: FIGURES } });
          else if (auth === 'Bearer werkgroep-36') json(200, { data: { monitoring: DRIE_JAAR } });
          else if (auth === 'Bearer verlopen') json(401, { errors: [{ message: 'Unauthenticated', extensions: { code: 'UNAUTHENTICATED' } }] });
          else if (auth === 'Bearer te-lang') json(200, { data: { monitoring: null }, errors: [{ message: 'De monitoringvraag is ongeldig: <te> veel perioden.', extensions: { code: 'ONGELDIGE_INVOER', veld: 'tot' } }] });
          else json(200, { data: null, errors: [{ message: 'Geweigerd', extensions: { code: 'DOSERING_GEWEIGERD' } }] });
        });
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  beforeEach(async () => {
    seen.length = 0;
    consoleErrors.length = 0;
    const context = await browser.newContext({ acceptDownloads: true, locale: 'nl-NL' });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(`${base}/werkgroep`);
  });

  afterEach(async () => {
    await page.context().close();
  });

  async function load(token: string, regio = ''): Promise<void> {
    await page.getByTestId('token').fill(token);
    await page.getByTestId('filter-periode').selectOption('MAAND');
    await page.getByTestId('filter-van').fill('2025-01');
    await page.getByTestId('filter-tot').fill('2025-03');
    await page.getByTestId('filter-regio').selectOption(regio);
    await page.getByTestId('toon-cijfers').click();
  }

  const rows = (testid: string) =>
    page.getByTestId(testid).evaluate((t) =>
      Array.from(t.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent)),
    );

  it('sends the shared query with the bearer token and the chosen range', async () => {
    await load('werkgroep-ok', 'MIDDEN_LIMBURG');
    await page.getByTestId('tabel-per-periode').waitFor();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers.authorization).toBe('Bearer werkgroep-ok');
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(seen[0]!.body.query).toBe(WERKGROEP_QUERY);
    expect(seen[0]!.body.variables).toEqual({ periode: 'MAAND', van: '2025-01-01', tot: '2025-04-01', regio: 'MIDDEN_LIMBURG' });
    expect(consoleErrors).toEqual([]);
  });

  it('shows exactly the numbers returned, and the marker for hidden ones', async () => {
    await load('werkgroep-ok');
    await page.getByTestId('tabel-per-periode').waitFor();
    const m = ONDERDRUKT_MARKER;
    expect(await rows('tabel-per-periode')).toEqual([
      ['jan 2025', '12', '0', m, '7', m],
      ['feb 2025', '8', '5', m, m, '6'],
      ['mrt 2025', m, '0', '0', m, '1.234'],
    ]);
    expect(await rows('tabel-per-gemeente')).toEqual([
      ['Venlo', 'Noord-Limburg', '10', '6'],
      ['Beesel', 'Noord-Limburg', m, '0'],
      ['Roermond', 'Midden-Limburg', '8', m],
    ]);
    expect(await rows('tabel-doelen')).toEqual([
      ['Noord-Limburg', '2025', '120', '96', '80%'],
      ['Midden-Limburg', '2025', '100', m, m],
    ]);
    expect(await rows('tabel-doorlooptijd')).toEqual([['Dagen', '59', '40', '81']]);
    expect(await rows('tabel-fasen')).toEqual([
      ['Melding', m], ['Onderzoek', '0'], ['Bemiddeling', '14'], ['Corporatiegesprek', m],
      ['Huurovereenkomst', '5'], ['Gehuisvest', '60'], ['Afgesloten', '31'],
    ]);
    expect(await rows('tabel-gesprekken')).toEqual([
      ['Leidde tot passende huisvesting', '20'],
      ['Leidde niet tot passende huisvesting', '9'],
    ]);
    expect(await rows('tabel-gesprek-redenen')).toEqual([['Geen passende woning; "nog niet"', '6'], ['Overige redenen', m]]);
    expect(await rows('tabel-zelfstandig')).toEqual([['1 jaar', '17'], ['2 jaar', m]]);
    expect(await rows('tabel-garantiefonds')).toEqual([
      ['Saldo', '€ 45.230,50'], ['Openstaande bijdragen', '€ 1.000,00'], ['Aanvragen', '3'], ['Uitbetaald', '€ 1.250,99'],
    ]);
    expect(await rows('tabel-zonder-toestemming')).toEqual([['Besluiten tot delen', '2'], ['Bezwaren', '0']]);
    expect(await page.locator('td[data-onderdrukt="true"]').count()).toBe(14);
    await expect(page.getByTestId('legenda').textContent()).resolves.toContain(`${m} = niet getoond: minder dan 5 personen`);
    expect(consoleErrors).toEqual([]);
  });

  /** The data of a chart as Chart.js holds it: per dataset its key, its values and which are hidden. */
  const grafiek = (testid: string) =>
    page.getByTestId(testid).evaluate((canvas) => {
      const chart = (window as unknown as { Chart: { getChart(c: unknown): { data: { labels: string[]; datasets: { sleutel: string; data: (number | null)[]; onderdrukt: boolean[] }[] }; width: number; height: number } } }).Chart.getChart(canvas)!;
      return {
        labels: chart.data.labels,
        reeksen: chart.data.datasets.map((d) => ({ sleutel: d.sleutel, data: d.data, onderdrukt: d.onderdrukt })),
        getekend: chart.width > 0 && chart.height > 0,
      };
    });

  it('draws the charts with Chart.js from the same numbers, hidden ones as null plus the marker', async () => {
    await load('werkgroep-ok');
    await page.getByTestId('grafiek-trend').waitFor();
    expect(await grafiek('grafiek-trend')).toEqual({
      labels: ['jan 2025', 'feb 2025', 'mrt 2025'],
      reeksen: [
        { sleutel: 'aangemeld', data: [12, 8, null], onderdrukt: [false, false, true] },
        { sleutel: 'gehuisvest', data: [null, 6, 1234], onderdrukt: [true, false, false] },
      ],
      getekend: true,
    });
    expect(await grafiek('grafiek-doelen')).toEqual({
      labels: ['Noord-Limburg 2025', 'Midden-Limburg 2025'],
      reeksen: [
        { sleutel: 'gerealiseerd', data: [96, null], onderdrukt: [false, true] },
        { sleutel: 'doel', data: [120, 100], onderdrukt: [false, false] },
      ],
      getekend: true,
    });
    expect(await grafiek('grafiek-fasen')).toEqual({
      labels: ['Melding', 'Onderzoek', 'Bemiddeling', 'Corporatiegesprek', 'Huurovereenkomst', 'Gehuisvest', 'Afgesloten'],
      reeksen: [{ sleutel: 'aantal', data: [null, 0, 14, null, 5, 60, 31], onderdrukt: [true, false, false, true, false, false, false] }],
      getekend: true,
    });
    // The library came from the page's own origin, with its integrity hash checked by the browser.
    expect(await page.evaluate(() => typeof (window as unknown as { Chart?: unknown }).Chart)).toBe('function');
    expect(consoleErrors).toEqual([]);
  });

  it('shows the latest year\'s median lead time first over several years, every year in the table, a hidden one as the marker', async () => {
    await load('werkgroep-36');
    await page.getByTestId('samenvatting').waitFor();
    await expect(page.getByTestId('samenvatting-doorlooptijd').locator('h3').textContent()).resolves.toBe('Mediane doorlooptijd 2026');
    expect(await page.getByTestId('samenvatting-doorlooptijd-waarde').textContent()).toBe('65 dagen');
    await expect(page.getByTestId('samenvatting-doorlooptijd').textContent()).resolves.toContain('de helft tussen 48 en 88 dagen. Over de hele periode: 68 dagen.');
    expect(await rows('tabel-doorlooptijd')).toEqual([
      ['2024', '70', '55', '95'],
      ['2025', ONDERDRUKT_MARKER, ONDERDRUKT_MARKER, ONDERDRUKT_MARKER],
      ['2026', '65', '48', '88'],
      ['Hele periode', '68', '50', '90'],
    ]);
    expect(consoleErrors).toEqual([]);
  });

  it('loads the default period — the last three calendar years per year, both regio\'s — on sign-in', async () => {
    await page.getByTestId('dev-login').click();
    await page.getByTestId('samenvatting').waitFor();
    const jaar = new Date().getFullYear();
    expect(seen[0]!.body.variables).toEqual({ periode: 'JAAR', van: `${jaar - 2}-01-01`, tot: `${jaar + 1}-01-01`, regio: null });
    expect(await page.getByTestId('filter-periode').inputValue()).toBe('JAAR');
  });

  for (const scherm of SCHERMEN) {
    describe(`at ${scherm.naam} width (${scherm.width}×${scherm.height})`, () => {
      beforeEach(async () => {
        await page.setViewportSize({ width: scherm.width, height: scherm.height });
      });

      it('shows the summary first: housed against the target, median lead time, cases per phase', async () => {
        await load('werkgroep-ok');
        const samenvatting = page.getByTestId('samenvatting');
        await samenvatting.waitFor();
        const top = async (testid: string) => (await page.getByTestId(testid).boundingBox())!.y;
        expect(await top('samenvatting')).toBeLessThan(await top('grafiek-trend'));
        expect(await top('grafiek-trend')).toBeLessThan(await top('filters'));
        expect(await top('filters')).toBeLessThan(await top('tabel-per-periode'));
        await page.evaluate(() => window.scrollTo(0, 0));
        expect(await top('samenvatting')).toBeLessThan(scherm.height);
        expect(await page.getByTestId('samenvatting-doel-NOORD_LIMBURG-waarde').textContent()).toBe('96');
        await expect(page.getByTestId('samenvatting-doel-NOORD_LIMBURG').textContent()).resolves.toContain('van de 120 woningen van het jaardoel (80%)');
        // A hidden count stays hidden in the summary: the marker, no percentage, no progress bar.
        const midden = page.getByTestId('samenvatting-doel-MIDDEN_LIMBURG');
        expect(await page.getByTestId('samenvatting-doel-MIDDEN_LIMBURG-waarde').textContent()).toBe(ONDERDRUKT_MARKER);
        expect(await page.getByTestId('samenvatting-doel-MIDDEN_LIMBURG-waarde').getAttribute('data-onderdrukt')).toBe('true');
        await expect(midden.textContent()).resolves.not.toMatch(/%/);
        expect(await midden.locator('progress').count()).toBe(0);
        expect(await page.getByTestId('samenvatting-doorlooptijd-waarde').textContent()).toBe('59 dagen');
        expect((await grafiek('grafiek-fasen')).getekend).toBe(true);
        expect(consoleErrors).toEqual([]);
      });

      it('never scrolls the page sideways; a wide table scrolls in its own box', async () => {
        await load('werkgroep-36');
        await page.getByTestId('tabel-per-periode').waitFor();
        const maat = await page.evaluate(() => ({
          breedte: window.innerWidth,
          document: document.documentElement.scrollWidth,
          body: document.body.scrollWidth,
        }));
        const teBreed = await page.evaluate(() =>
          Array.from(document.querySelectorAll('body *'))
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && !e.closest('.tabel-vak'))
            .map((e) => `${e.tagName}.${e.className}#${e.id}[${e.getAttribute('data-testid') ?? ''}] ${Math.round(e.getBoundingClientRect().right)}`),
        );
        expect(teBreed).toEqual([]);
        expect(maat.document).toBeLessThanOrEqual(maat.breedte);
        expect(maat.body).toBeLessThanOrEqual(maat.breedte);
        const vak = await page.getByTestId('tabel-per-periode').evaluate((t) => {
          const box = t.parentElement!;
          return { klasse: box.className, overflow: getComputedStyle(box).overflowX, rechts: box.getBoundingClientRect().right };
        });
        expect(vak).toMatchObject({ klasse: 'tabel-vak', overflow: 'auto' });
        expect(vak.rechts).toBeLessThanOrEqual(maat.breedte);
        expect(consoleErrors).toEqual([]);
      });

      it('draws 36 months with x-axis labels that do not overlap', async () => {
        await load('werkgroep-36');
        await page.getByTestId('grafiek-trend').waitFor();
        const trend = await grafiek('grafiek-trend');
        expect(trend.labels).toHaveLength(36);
        expect(trend.reeksen[1]!.onderdrukt.filter(Boolean)).toHaveLength(12);
        const labels = await page.getByTestId('grafiek-trend').evaluate((canvas) => {
          type Item = { label: string; font: { string: string }; options: { translation: [number, number]; rotation: number } };
          const chart = (window as unknown as { Chart: { getChart(c: unknown): { ctx: CanvasRenderingContext2D; scales: { x: { getLabelItems(): Item[] } } } } }).Chart.getChart(canvas)!;
          return chart.scales.x.getLabelItems().map((item) => {
            chart.ctx.font = item.font.string;
            return { label: item.label, x: item.options.translation[0], breedte: chart.ctx.measureText(item.label).width, rotatie: item.options.rotation };
          });
        });
        expect(labels.length).toBeGreaterThan(1);
        for (let i = 1; i < labels.length; i++) {
          const [a, b] = [labels[i - 1]!, labels[i]!];
          expect(b.x - a.x, `${a.label} / ${b.label}`).toBeGreaterThanOrEqual((a.breedte + b.breedte) / 2);
          expect(Math.abs(b.rotatie)).toBe(0);
        }
        expect(consoleErrors).toEqual([]);
      });
    });
  }

  it('exports a CSV with exactly the shown values, hidden ones as the marker', async () => {
    await load('werkgroep-ok');
    await page.getByTestId('tabel-per-periode').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('exporteer-csv').click()]);
    expect(download.suggestedFilename()).toBe('woonkans-monitoring-2025-01-tm-2025-03.csv');
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Woonkans monitoring Werkgroep');
    expect(lines[1]).toBe("Periode;januari 2025 t/m maart 2025, per maand, beide regio's");
    expect(lines).toContain('Periode;Aangemeld;Niet doelgroep (regulier huren);Niet doelgroep (andere reden);Doelgroep;Gehuisvest');
    expect(lines).toContain('jan 2025;12;0;x;7;x');
    expect(lines).toContain('mrt 2025;x;0;0;x;1.234');
    expect(lines).toContain('Beesel;Noord-Limburg;x;0');
    expect(lines).toContain('Midden-Limburg;2025;100;x;x');
    expect(lines).toContain('"Geen passende woning; ""nog niet""";6');
    expect(lines).toContain('Saldo;€ 45.230,50');
    // Every table row on screen is in the CSV, cell for cell.
    const shown = await page.locator('[data-testid="tabellen"] table tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent ?? '')),
    );
    const field = (s: string) => (/[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    for (const row of shown) expect(lines).toContain(row.map(field).join(';'));
  });

  it('shows a Dutch refusal and no figures for a token that is not the Werkgroep', async () => {
    await load('gemeente-venlo');
    const fout = page.getByTestId('foutmelding');
    await fout.waitFor();
    await expect(fout.textContent()).resolves.toContain('alleen voor leden van de Werkgroep');
    await expect(fout.textContent()).resolves.toContain('DOSERING_GEWEIGERD');
    expect(await page.getByTestId('overzicht').isHidden()).toBe(true);
    expect(await page.getByTestId('tabellen').isHidden()).toBe(true);
    expect(await page.locator('table, canvas').count()).toBe(0);
    expect(await page.getByTestId('exporteer-csv').isDisabled()).toBe(true);
  });

  it('clears figures already on screen when a later request is refused', async () => {
    await load('werkgroep-ok');
    await page.getByTestId('tabel-per-periode').waitFor();
    await page.getByTestId('afmelden').click();
    await page.getByTestId('token').fill('corporatie-woonwenz');
    await page.getByTestId('aanmelden-knop').click();
    await page.getByTestId('foutmelding').waitFor();
    expect(await page.locator('table, canvas').count()).toBe(0);
    expect(await page.getByTestId('overzicht').isHidden()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { Chart: { instances: object } }).Chart.instances)).toEqual({});
  });

  it("shows the server's own Dutch reason for a refused question, as text", async () => {
    await load('te-lang');
    await page.getByTestId('foutmelding').waitFor();
    await expect(page.getByTestId('foutmelding').textContent()).resolves.toBe('De monitoringvraag is ongeldig: <te> veel perioden. (code ONGELDIGE_INVOER)');
    expect(await page.getByTestId('foutmelding').locator('te').count()).toBe(0);
    expect(await page.locator('table').count()).toBe(0);
  });

  it('puts the sign-in box away once signed in, and brings it back on sign-out with the figures gone', async () => {
    await load('werkgroep-ok');
    await page.getByTestId('tabel-per-periode').waitFor();
    expect(await page.getByTestId('aanmelden').isHidden()).toBe(true);
    expect(await page.getByTestId('aangemeld').isVisible()).toBe(true);
    await page.getByTestId('afmelden').click();
    expect(await page.getByTestId('aanmelden').isVisible()).toBe(true);
    expect(await page.getByTestId('token').inputValue()).toBe('');
    expect(await page.locator('table, canvas').count()).toBe(0);
    expect(await page.getByTestId('exporteer-csv').isDisabled()).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  it('tells the user to sign in again on HTTP 401', async () => {
    await load('verlopen');
    await page.getByTestId('foutmelding').waitFor();
    await expect(page.getByTestId('foutmelding').textContent()).resolves.toContain('niet (meer) aangemeld');
    expect(await page.locator('table').count()).toBe(0);
    expect(await page.getByTestId('aanmelden').isVisible()).toBe(true);
  });

  it('asks for a token before sending anything', async () => {
    await page.getByTestId('token').fill('');
    await page.getByTestId('toon-cijfers').click();
    await page.getByTestId('foutmelding').waitFor();
    expect(seen).toHaveLength(0);
  });

  it('signs in with the development login and shows the figures', async () => {
    await page.getByTestId('filter-van').fill('2025-01');
    await page.getByTestId('filter-tot').fill('2025-03');
    await page.getByTestId('dev-login').click();
    await page.getByTestId('tabel-per-periode').waitFor();
    expect(seen[0]!.headers.authorization).toBe('Bearer werkgroep-ok');
  });

  it('prints without the controls and with the range in the title', async () => {
    await load('werkgroep-ok');
    await page.getByTestId('tabel-per-periode').waitFor();
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void ((window as unknown as { printed: number }).printed += 1);
    });
    await page.getByTestId('afdrukken').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('filters').isVisible()).toBe(false);
    expect(await page.getByTestId('afdrukken').isVisible()).toBe(false);
    expect(await page.getByTestId('afgedrukt').isVisible()).toBe(true);
    await expect(page.getByTestId('titel-bereik').textContent()).resolves.toBe(
      "Periode: januari 2025 t/m maart 2025, per maand, beide regio's.",
    );
    expect(await page.getByTestId('tabel-per-periode').isVisible()).toBe(true);
  });
});
