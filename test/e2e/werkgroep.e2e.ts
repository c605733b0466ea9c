/**
 * The Werkgroep dashboard end to end: the page served by the real gateway (`useWerkgroepPage`), the
 * development sign-in of the real development issuer, the real federation computing the figures from
 * the demo data (`seedDemoData`), in Debian Chromium. What the browser shows — summary, tables, charts
 * (Chart.js, served by the gateway), the CSV — must be exactly what the API answers for the same
 * arguments, hidden cells as the marker only;
 * another party's token gets no figures and a clear Dutch message.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useWerkgroepPage } from '../../gateway/plugins/use-werkgroep-page.js';
import { ONDERDRUKT_MARKER } from '../../gateway/werkgroep/page.js';
import { WERKGROEP_QUERY } from '../../gateway/werkgroep/query.js';
import { chromiumMissing, launchChromium } from '../../gateway/werkgroep/test-browser.js';
import type { WerkgroepMonitoring } from '../../schema/monitoring/dashboard-view.js';
import { naarWerkgroepMonitoring } from '../../schema/monitoring/dashboard-view.js';
import { maakRekenaar } from '../../schema/monitoring/figures.js';
import type { Cijfer } from '../../schema/monitoring/kubus.js';
import { FASEN, GEMEENTEN } from '../../schema/vocabulary.js';
import { seedDemoData } from '../../scripts/demo-data/index.js';
import { trajecten } from '../../subgraphs/regisseur/db/tables.js';
import { laadMonitoringRijen } from '../../subgraphs/regisseur/monitoring/rijen.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';

const missing = chromiumMissing();
if (missing) console.warn(`werkgroep.e2e.ts: ${missing}`);

const x = ONDERDRUKT_MARKER;
const MAANDEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const REGIO_NAAM: Record<string, string> = { NOORD_LIMBURG: 'Noord-Limburg', MIDDEN_LIMBURG: 'Midden-Limburg' };

/** The page's number format, written out independently: Dutch thousands, the marker, a dash for none. */
const getal = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const cel = (c: Cijfer): string => (c.onderdrukt ? x : c.waarde === null ? '–' : getal(c.waarde));
const euro = (cent: number): string => `${cent < 0 ? '-' : ''}€ ${getal(Math.floor(Math.abs(cent) / 100))},${String(Math.abs(cent) % 100).padStart(2, '0')}`;
const periodeLabel = (p: string): string => {
  const m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) return `${MAANDEN[Number(m[2]) - 1]} ${m[1]}`;
  const h = /^(\d{4})-H([12])$/.exec(p);
  return h ? `${h[2] === '1' ? '1e' : '2e'} helft ${h[1]}` : p;
};

/** The rows every table must show for an API answer. */
function verwacht(m: WerkgroepMonitoring): Record<string, string[][]> {
  const dagen = (t: { onderdrukt: boolean; mediaanDagen: number | null; p25Dagen: number | null; p75Dagen: number | null }, label: string) =>
    [label, ...[t.mediaanDagen, t.p25Dagen, t.p75Dagen].map((v) => (t.onderdrukt ? x : v === null ? '–' : getal(v)))];
  return {
    'tabel-per-periode': m.perPeriode.map((p) => [periodeLabel(p.periode), cel(p.aangemeld), cel(p.nietDoelgroepRegulier), cel(p.nietDoelgroepAnders), cel(p.doelgroep), cel(p.gehuisvest)]),
    'tabel-doelen': m.doelen.map((j) => [
      REGIO_NAAM[j.regio]!, String(j.jaar), getal(j.doel), cel(j.gerealiseerd),
      j.gerealiseerd.onderdrukt ? x : j.gerealiseerd.waarde === null ? '–' : `${Math.round((100 * j.gerealiseerd.waarde) / j.doel)}%`,
    ]),
    'tabel-per-gemeente': m.perGemeente.map((g) => [(GEMEENTEN as Record<string, { naam: string }>)[g.gemeente]!.naam, REGIO_NAAM[g.regio]!, cel(g.aangemeld), cel(g.gehuisvest)]),
    'tabel-doorlooptijd':
      m.doorlooptijdPerJaar.length > 1
        ? [...m.doorlooptijdPerJaar.map((j) => dagen(j, String(j.jaar))), dagen(m.doorlooptijd, 'Hele periode')]
        : [dagen(m.doorlooptijd, 'Dagen')],
    'tabel-fasen': m.fasenNu.map((f) => [f.fase.charAt(0) + f.fase.slice(1).toLowerCase(), cel(f.aantal)]),
    'tabel-gesprekken': [
      ['Leidde tot passende huisvesting', cel(m.gesprekken.leiddeTotHuisvesting)],
      ['Leidde niet tot passende huisvesting', cel(m.gesprekken.nietGeleid)],
    ],
    'tabel-gesprek-redenen': m.gesprekken.redenen.map((r) => [r.reden, cel(r.aantal)]),
    'tabel-zelfstandig': [['1 jaar', cel(m.zelfstandig.naEenJaar)], ['2 jaar', cel(m.zelfstandig.naTweeJaar)]],
    ...(m.zonderToestemming
      ? { 'tabel-zonder-toestemming': [['Besluiten tot delen', getal(m.zonderToestemming.gedeeld)], ['Bezwaren', getal(m.zonderToestemming.bezwaren)]] }
      : {}),
    ...(m.garantiefonds
      ? {
          'tabel-garantiefonds': [
            ['Saldo', euro(m.garantiefonds.saldoCent)],
            ['Openstaande bijdragen', euro(m.garantiefonds.bijdragenOpenstaandCent)],
            ['Aanvragen', getal(m.garantiefonds.aanvragen)],
            ['Uitbetaald', euro(m.garantiefonds.uitbetaaldCent)],
          ],
        }
      : {}),
  };
}

describe.skipIf(missing !== null)(`Werkgroep dashboard against the real federation${missing ? ` — SKIPPED: ${missing}` : ''}`, () => {
  let fed: TestFederation;
  let zaken: { id: string; code: string; betrokkene: string }[] = [];
  let browser: Browser;
  let page: Page;
  const fouten: string[] = [];
  const verzoeken: string[] = [];

  beforeAll(async () => {
    fed = await startTestFederation({ gatewayPlugins: [useWerkgroepPage({ devPersonas: true })] });
    const { gemeente, regisseur, corporatie, garantiefonds } = fed.subgraphs;
    // The embedded default's demo data (~400 cases in every phase, both regio's, the fund's claims).
    const geschreven = await seedDemoData(
      { gemeente: gemeente.database.db, regisseur: regisseur.database.db, corporatie: corporatie.database.db, garantiefonds: garantiefonds.database.db },
      new Date(),
    );
    expect(geschreven['regisseur.trajecten']).toBeGreaterThan(300);
    zaken = await regisseur.database.db.select({ id: trajecten.id, code: trajecten.code, betrokkene: trajecten.betrokkene }).from(trajecten);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await fed?.stop();
  });

  beforeEach(async () => {
    fouten.length = 0;
    verzoeken.length = 0;
    const context = await browser.newContext({ acceptDownloads: true, locale: 'nl-NL' });
    page = await context.newPage();
    page.on('console', (m) => void (m.type() === 'error' && fouten.push(m.text())));
    page.on('pageerror', (e) => fouten.push(String(e)));
    page.on('request', (r) => verzoeken.push(r.url()));
    await page.goto(`${fed.gatewayUrl}/werkgroep`);
  });

  afterEach(async () => {
    await page.context().close();
  });

  async function kies(periode: string, van: string, tot: string, regio = ''): Promise<void> {
    await page.getByTestId('filter-periode').selectOption(periode);
    await page.getByTestId('filter-van').fill(van);
    await page.getByTestId('filter-tot').fill(tot);
    await page.getByTestId('filter-regio').selectOption(regio);
  }

  async function api(variables: Record<string, unknown>): Promise<WerkgroepMonitoring> {
    const res = await fed.gql<{ monitoring: WerkgroepMonitoring }>({ partij: 'WERKGROEP' }, WERKGROEP_QUERY, variables);
    expect(res.errors).toBeUndefined();
    return res.data!.monitoring;
  }

  const rijen = (testid: string) =>
    page.getByTestId(testid).evaluate((t) => Array.from(t.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent ?? '')));

  it('is served by the gateway as one offline document with strict headers', async () => {
    const res = await fetch(`${fed.gatewayUrl}/werkgroep`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'.*connect-src 'self'.*frame-ancestors 'none'/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('data-testid="dev-login"');
    expect((await fetch(`${fed.gatewayUrl}/werkgroep`, { method: 'POST' })).status).toBe(405);
    expect(await page.getByTestId('titel').textContent()).toContain('Werkgroep');
    expect(verzoeken.every((u) => u.startsWith(fed.gatewayUrl))).toBe(true);
  });

  it('signs in with the development login and shows exactly the figures the API returns', async () => {
    await kies('MAAND', '2025-01', '2025-12');
    await page.getByTestId('dev-login').click();
    await page.getByTestId('tabel-per-periode').waitFor();
    const m = await api({ periode: 'MAAND', van: '2025-01-01', tot: '2026-01-01', regio: null });
    expect(m.perPeriode).toHaveLength(12);
    for (const [testid, rows] of Object.entries(verwacht(m))) expect(await rijen(testid), testid).toEqual(rows);
    if (!m.garantiefonds) await expect(page.getByTestId('blok-garantiefonds').textContent()).resolves.toContain('Geen gegevens van het garantiefonds');
    expect(m.fasenNu.map((f) => f.fase)).toEqual([...FASEN]);

    // Suppressed cells exist in this data, and each shows the marker and nothing else.
    const verborgen = await page.locator('td[data-onderdrukt="true"]').allTextContents();
    expect(verborgen.length).toBeGreaterThan(0);
    expect(new Set(verborgen)).toEqual(new Set([x]));
    await expect(page.getByTestId('legenda').textContent()).resolves.toContain(`${x} = niet getoond: minder dan ${m.drempel} personen`);
    expect(fouten).toEqual([]);
    expect(verzoeken.every((u) => u.startsWith(fed.gatewayUrl))).toBe(true);
  });

  /** A chart's data as Chart.js holds it: per dataset its key, values (null where hidden) and hidden flags. */
  const grafiek = (testid: string) =>
    page.getByTestId(testid).evaluate((canvas) => {
      const chart = (window as unknown as { Chart: { getChart(c: unknown): { data: { datasets: { sleutel: string; data: (number | null)[]; onderdrukt: boolean[] }[] } } } }).Chart.getChart(canvas)!;
      return chart.data.datasets.map((d) => ({ sleutel: d.sleutel, data: d.data, onderdrukt: d.onderdrukt }));
    });
  const reeks = (sleutel: string, cijfers: Cijfer[]) => ({
    sleutel,
    data: cijfers.map((c) => (c.onderdrukt ? null : c.waarde)),
    onderdrukt: cijfers.map((c) => c.onderdrukt),
  });

  it('draws the charts from the same figures, hidden ones as null and flagged for the marker', async () => {
    await kies('HALFJAAR', '2024-01', '2025-12');
    await page.getByTestId('dev-login').click();
    await page.getByTestId('grafiek-trend').waitFor();
    const m = await api({ periode: 'HALFJAAR', van: '2024-01-01', tot: '2026-01-01', regio: null });
    expect(await grafiek('grafiek-trend')).toEqual([
      reeks('aangemeld', m.perPeriode.map((p) => p.aangemeld)),
      reeks('gehuisvest', m.perPeriode.map((p) => p.gehuisvest)),
    ]);
    expect(await grafiek('grafiek-doelen')).toEqual([
      reeks('gerealiseerd', m.doelen.map((d) => d.gerealiseerd)),
      reeks('doel', m.doelen.map((d) => ({ waarde: d.doel, onderdrukt: false }))),
    ]);
    expect(await grafiek('grafiek-fasen')).toEqual([reeks('aantal', m.fasenNu.map((f) => f.aantal))]);
    expect(fouten).toEqual([]);
  });

  it('opens on the last three calendar years per year, summary first, hiding less than a month table', async () => {
    await page.getByTestId('dev-login').click();
    await page.getByTestId('samenvatting').waitFor();
    const jaar = new Date().getFullYear();
    const standaard = await api({ periode: 'JAAR', van: `${jaar - 2}-01-01`, tot: `${jaar + 1}-01-01`, regio: null });
    const maanden = await api({ periode: 'MAAND', van: `${jaar}-01-01`, tot: `${jaar + 1}-01-01`, regio: null });
    const aandeel = (m: WerkgroepMonitoring) => {
      const cellen = m.perPeriode.flatMap((p) => [p.aangemeld, p.doelgroep, p.gehuisvest, p.nietDoelgroepRegulier, p.nietDoelgroepAnders]);
      return cellen.filter((c) => c.onderdrukt).length / cellen.length;
    };
    expect(aandeel(standaard)).toBeLessThan(aandeel(maanden));
    expect(await rijen('tabel-per-periode')).toEqual(verwacht(standaard)['tabel-per-periode']);
    // The summary: this year's housing per regio against its target, exactly the published cells.
    for (const d of standaard.doelen.filter((x) => x.jaar === jaar)) {
      expect(await page.getByTestId(`samenvatting-doel-${d.regio}-waarde`).textContent()).toBe(cel(d.gerealiseerd));
      await expect(page.getByTestId(`samenvatting-doel-${d.regio}`).textContent()).resolves.toContain(`van de ${getal(d.doel)} woningen van het jaardoel`);
    }
    // Over three years the summary shows this year's median lead time, the table every year's.
    const t = standaard.doorlooptijdPerJaar.at(-1)!;
    expect(t.jaar).toBe(jaar);
    expect(await rijen('tabel-doorlooptijd')).toEqual(verwacht(standaard)['tabel-doorlooptijd']);
    expect(await page.getByTestId('samenvatting-doorlooptijd-waarde').textContent()).toBe(t.onderdrukt ? x : t.mediaanDagen === null ? '–' : `${getal(t.mediaanDagen)} dagen`);
    const boven = async (testid: string) => (await page.getByTestId(testid).boundingBox())!.y;
    expect(await boven('samenvatting')).toBeLessThan(await boven('filters'));
    expect(fouten).toEqual([]);
  });

  it('fits a phone: no sideways scrolling of the page with the real figures', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await kies('MAAND', `${new Date().getFullYear() - 2}-01`, `${new Date().getFullYear()}-12`);
    await page.getByTestId('dev-login').click();
    await page.getByTestId('tabel-per-periode').waitFor();
    const maat = await page.evaluate(() => ({ breedte: window.innerWidth, pagina: document.documentElement.scrollWidth }));
    expect(maat.pagina).toBeLessThanOrEqual(maat.breedte);
    expect(await page.locator('canvas').count()).toBe(3);
    expect(fouten).toEqual([]);
  });

  it('shows one regio cut from the same suppression as both', async () => {
    await kies('JAAR', '2025-01', '2025-12', 'MIDDEN_LIMBURG');
    await page.getByTestId('dev-login').click();
    await page.getByTestId('tabel-per-gemeente').waitFor();
    const midden = await api({ periode: 'JAAR', van: '2025-01-01', tot: '2026-01-01', regio: 'MIDDEN_LIMBURG' });
    const beide = await api({ periode: 'JAAR', van: '2025-01-01', tot: '2026-01-01', regio: null });
    expect(midden.perGemeente).toEqual(beide.perGemeente.filter((g) => g.regio === 'MIDDEN_LIMBURG'));
    expect(await rijen('tabel-per-gemeente')).toEqual(verwacht(midden)['tabel-per-gemeente']);
    expect((await rijen('tabel-per-gemeente')).every((r) => r[1] === 'Midden-Limburg')).toBe(true);
    await expect(page.getByTestId('titel-bereik').textContent()).resolves.toBe('Periode: januari 2025 t/m december 2025, per jaar, regio Midden-Limburg.');
  });

  it('exports a CSV that holds exactly what is shown', async () => {
    await kies('MAAND', '2025-01', '2025-06');
    await page.getByTestId('dev-login').click();
    await page.getByTestId('tabel-per-periode').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('exporteer-csv').click()]);
    expect(download.suggestedFilename()).toBe('woonkans-monitoring-2025-01-tm-2025-06.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(0, 2)).toEqual(['Woonkans monitoring Werkgroep', "Periode;januari 2025 t/m juni 2025, per maand, beide regio's"]);
    const field = (s: string) => (/[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    const getoond = await page.locator('[data-testid="tabellen"] table').evaluateAll((tables) =>
      tables.map((t) => ({
        caption: t.querySelector('caption')?.textContent ?? '',
        rows: Array.from(t.querySelectorAll('tr')).map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent ?? '')),
      })),
    );
    // Line for line: after the three header lines, per table an empty line, its caption and its rows.
    const body = getoond.flatMap((t) => ['', field(t.caption), ...t.rows.map((r) => r.map(field).join(';'))]);
    expect(lines.slice(3, 3 + body.length)).toEqual(body);
    expect(lines.slice(3 + body.length)).toEqual(['']);
    const m = await api({ periode: 'MAAND', van: '2025-01-01', tot: '2025-07-01', regio: null });
    const verborgen = Object.values(verwacht(m)).flat().flat().filter((c) => c === x).length;
    expect(lines.join('\n').split(`;${x}`).length - 1).toBeGreaterThanOrEqual(verborgen);
    for (const z of zaken) for (const secret of [z.id, z.code, z.betrokkene]) expect(csv).not.toContain(secret);
  });

  it('gives a token of another party no figures and a clear message, also after figures were shown', async () => {
    await kies('MAAND', '2025-01', '2025-03');
    await page.getByTestId('dev-login').click();
    await page.getByTestId('tabel-per-periode').waitFor();
    await page.getByTestId('afmelden').click();
    await page.getByTestId('token').fill(await fed.token({ partij: 'CORPORATIE', organisatie: 'woonwenz' }));
    await page.getByTestId('aanmelden-knop').click();
    const fout = page.getByTestId('foutmelding');
    await fout.waitFor();
    await expect(fout.textContent()).resolves.toBe(
      'Geen toegang tot de monitoringcijfers. Deze cijfers zijn alleen voor leden van de Werkgroep; met dit token mag u ze niet inzien. (code DOSERING_GEWEIGERD)',
    );
    expect(await page.getByTestId('overzicht').isHidden()).toBe(true);
    expect(await page.getByTestId('tabellen').isHidden()).toBe(true);
    expect(await page.locator('table, canvas').count()).toBe(0);
    expect(await page.getByTestId('exporteer-csv').isDisabled()).toBe(true);
    // A refused token: the box is back for another.
    expect(await page.getByTestId('aanmelden').isVisible()).toBe(true);
    expect(fouten.filter((f) => !/status of 40\d/.test(f))).toEqual([]);
  });

  it('prints how long the figures take on the demo data (API and the computation alone)', async () => {
    const rows = await laadMonitoringRijen(fed.subgraphs.regisseur.database.db, new Date());
    const vragen = [
      { periode: 'MAAND', van: '2025-01-01', tot: '2026-01-01', regio: null },
      { periode: 'MAAND', van: '2024-01-01', tot: '2027-01-01', regio: null },
      { periode: 'JAAR', van: '2024-01-01', tot: '2027-01-01', regio: null },
      // The longest range allowed per month (MAX_PERIODEN_PER_VERZOEK).
      { periode: 'MAAND', van: '2022-01-01', tot: '2027-01-01', regio: null },
    ] as const;
    const regels: string[] = [];
    for (const v of vragen) {
      const t0 = performance.now();
      // A fresh release each time: the cost of suppressing every year the question touches.
      naarWerkgroepMonitoring(maakRekenaar(rows), v);
      const reken = performance.now() - t0;
      const t1 = performance.now();
      await api(v);
      const eerste = performance.now() - t1;
      const t2 = performance.now();
      await api(v);
      const tweede = performance.now() - t2;
      regels.push(`${v.periode} ${v.van}…${v.tot} ${v.regio ?? 'beide'}: berekening ${Math.round(reken)} ms, API ${Math.round(eerste)} ms, API opnieuw ${Math.round(tweede)} ms`);
    }
    console.log(`monitoring op de demodata (${rows.length} trajecten):\n  ${regels.join('\n  ')}`);
    expect(rows.length).toBe(zaken.length);
  });

  it('explains in Dutch why a too long range of months is refused', async () => {
    await kies('MAAND', '2019-01', '2025-12');
    await page.getByTestId('dev-login').click();
    const fout = page.getByTestId('foutmelding');
    await fout.waitFor();
    await expect(fout.textContent()).resolves.toMatch(/^De monitoringvraag is ongeldig: te veel perioden: hoogstens 60 per vraag\..*\(code ONGELDIGE_INVOER\)$/);
    expect(await page.locator('table').count()).toBe(0);
  });

  it('tells a user with an invalid token to sign in again', async () => {
    await kies('MAAND', '2025-01', '2025-03');
    await page.getByTestId('token').fill('geen.geldig.token');
    await page.getByTestId('toon-cijfers').click();
    await page.getByTestId('foutmelding').waitFor();
    await expect(page.getByTestId('foutmelding').textContent()).resolves.toContain('niet (meer) aangemeld');
    expect(await page.locator('table').count()).toBe(0);
  });
});
