import { describe, expect, it } from 'vitest';
import { FASEN, GEMEENTEN } from '../vocabulary.js';
import { naarWerkgroepMonitoring, som } from './dashboard-view.js';
import { maakRekenaar, OVERIGE_REDENEN, type MonitoringRij } from './figures.js';
import { rij, type Cijfer } from './kubus.js';
import { leesVerzoek } from './verzoek.js';

/** A synthetic case: registered in venlo on 1 Jan 2025, still in MELDING, unless overridden. */
function geval(over: Partial<MonitoringRij> = {}): MonitoringRij {
  return {
    gemeente: 'venlo',
    regio: 'NOORD_LIMBURG',
    partner: 'met-ggz',
    aangemeldOp: '2025-01-01',
    fase: 'MELDING',
    uitkomst: null,
    nietDoelgroepReden: null,
    reguliereHuurGelukt: null,
    gehuisvestOp: null,
    gehuisvestGemeente: null,
    zelfstandigNa1Jaar: null,
    zelfstandigNa2Jaar: null,
    gesprekken: [],
    ...over,
  };
}
const times = (n: number, f: (i: number) => MonitoringRij): MonitoringRij[] => Array.from({ length: n }, (_, i) => f(i));
const shown = (c: Cijfer): number | 'x' => (c.onderdrukt ? 'x' : (c.waarde as number));
const vraag = (periode: string, van: string, tot: string, regio: string | null = null) => leesVerzoek({ periode, van, tot, regio });

const rows: MonitoringRij[] = [
  ...times(10, (i) =>
    geval({
      aangemeldOp: `2025-01-${String(i + 1).padStart(2, '0')}`,
      fase: i < 6 ? 'GEHUISVEST' : 'BEMIDDELING',
      gehuisvestOp: i < 6 ? `2025-03-${String(i + 1).padStart(2, '0')}` : null,
      zelfstandigNa1Jaar: i < 6 ? true : null,
      gesprekken: [{ corporatie: 'woonwenz', leiddeTotHuisvesting: i < 6, reden: i < 6 ? null : 'Geen passende woning' }],
    }),
  ),
  ...times(8, (i) =>
    geval({
      gemeente: 'roermond',
      regio: 'MIDDEN_LIMBURG',
      aangemeldOp: '2025-02-03',
      fase: 'AFGESLOTEN',
      uitkomst: i < 5 ? 'NIET_DOELGROEP_REGULIER' : 'NIET_DOELGROEP_ANDERS',
      nietDoelgroepReden: i < 5 ? null : `reden ${i}`,
    }),
  ),
  ...times(3, () => geval({ gemeente: 'beesel', aangemeldOp: '2025-01-20' })),
];
const release = maakRekenaar(rows);
const jaar = naarWerkgroepMonitoring(release, vraag('JAAR', '2025-01-01', '2026-01-01'));
const gemeente = (slug: string) => jaar.perGemeente.find((g) => g.gemeente === slug)!;

describe('the release', () => {
  it('shows true counts, hides 1 … 4 with a complement, and shows 0', () => {
    expect(jaar.perPeriode.map((p) => shown(p.aangemeld))).toEqual([21]);
    expect(gemeente('beesel').aangemeld).toEqual({ waarde: null, onderdrukt: true });
    expect(gemeente('venlo').aangemeld.onderdrukt).toBe(true);
    expect(shown(gemeente('roermond').aangemeld)).toBe(8);
    expect(shown(gemeente('bergen').aangemeld)).toBe(0);
    expect(jaar.perGemeente).toHaveLength(Object.keys(GEMEENTEN).length);
  });

  it('answers every question from the same cells: a quarter asked alone is the quarter in a year of quarters', () => {
    const kwartalen = naarWerkgroepMonitoring(release, vraag('KWARTAAL', '2025-01-01', '2026-01-01'));
    const k1 = naarWerkgroepMonitoring(release, vraag('MAAND', '2025-01-01', '2025-04-01'));
    expect(kwartalen.perPeriode.map((p) => p.periode)).toEqual(['2025-K1', '2025-K2', '2025-K3', '2025-K4']);
    expect(k1.perGemeente).toEqual(
      release.gemeenten.map((g) => ({
        gemeente: g.slug,
        regio: g.regio,
        aangemeld: rij(release.jaar(2025).aangemeld, 'GEMEENTE', g.slug).kolommen['2025-K1'],
        gehuisvest: rij(release.jaar(2025).gehuisvest, 'GEMEENTE', g.slug).kolommen['2025-K1'],
      })),
    );
  });

  it('selects a regio from the same cells instead of computing again', () => {
    const noord = naarWerkgroepMonitoring(release, vraag('JAAR', '2025-01-01', '2026-01-01', 'NOORD_LIMBURG'));
    expect(noord.perGemeente).toEqual(jaar.perGemeente.filter((g) => g.regio === 'NOORD_LIMBURG'));
    expect(noord.perPeriode[0]!.aangemeld).toEqual(rij(release.jaar(2025).aangemeld, 'REGIO', 'NOORD_LIMBURG').kolommen['2025']);
    expect(noord.doelen.map((d) => d.regio)).toEqual(['NOORD_LIMBURG']);
  });

  it('sums whole years only when every year is shown', () => {
    expect(som([{ waarde: 7, onderdrukt: false }, { waarde: 0, onderdrukt: false }])).toEqual({ waarde: 7, onderdrukt: false });
    expect(som([{ waarde: 7, onderdrukt: false }, { waarde: null, onderdrukt: true }])).toEqual({ waarde: null, onderdrukt: true });
    const twee = naarWerkgroepMonitoring(release, vraag('JAAR', '2024-01-01', '2026-01-01'));
    expect(twee.perPeriode.map((p) => shown(p.aangemeld))).toEqual([0, 21]);
    expect(shown(twee.perGemeente.find((g) => g.gemeente === 'roermond')!.aangemeld)).toBe(8);
  });

  it('never shows a rare free-text reason as a label', () => {
    expect(release.redenen).toEqual([OVERIGE_REDENEN]);
    expect(jaar.gesprekken.redenen.map((r) => r.reden)).toEqual([OVERIGE_REDENEN]);
  });

  it('computes the waiting time, the targets per calendar year and the phases now', () => {
    // Registered 1…6 Jan, housed 1…6 Mar 2025: 59 days each.
    expect(jaar.doorlooptijd).toEqual({ mediaanDagen: 59, p25Dagen: 59, p75Dagen: 59, onderdrukt: false });
    expect(jaar.doorlooptijdPerJaar).toEqual([{ jaar: 2025, mediaanDagen: 59, p25Dagen: 59, p75Dagen: 59, onderdrukt: false }]);
    expect(jaar.doelen).toEqual([
      { regio: 'NOORD_LIMBURG', jaar: 2025, doel: 120, gerealiseerd: { waarde: 6, onderdrukt: false } },
      { regio: 'MIDDEN_LIMBURG', jaar: 2025, doel: 100, gerealiseerd: { waarde: 0, onderdrukt: false } },
    ]);
    expect(jaar.fasenNu.map((f) => f.fase)).toEqual([...FASEN]);
    // BEMIDDELING (4) equals all eligible minus all housed (10 - 6), so the phase table protects it knowing that.
    const verborgen = jaar.fasenNu.filter((f) => f.aantal.onderdrukt).map((f) => f.fase);
    expect(verborgen).toEqual(expect.arrayContaining(['MELDING', 'BEMIDDELING']));
    expect(verborgen.some((f) => f === 'CORPORATIEGESPREK' || f === 'HUUROVEREENKOMST')).toBe(true);
    expect(shown(jaar.zelfstandig.naEenJaar)).toBe(6);
  });

  it('gives the waiting time per year of the range exactly as asking for that year alone, and hides it below five people', () => {
    const drie = naarWerkgroepMonitoring(release, vraag('JAAR', '2024-01-01', '2027-01-01'));
    expect(drie.doorlooptijdPerJaar.map((d) => d.jaar)).toEqual([2024, 2025, 2026]);
    for (const d of drie.doorlooptijdPerJaar) {
      const alleen = naarWerkgroepMonitoring(release, vraag('JAAR', `${d.jaar}-01-01`, `${d.jaar + 1}-01-01`));
      expect(d).toEqual({ jaar: d.jaar, ...alleen.doorlooptijd });
    }
    // Nobody housed in 2024 or 2026: no value and nothing to hide.
    expect(drie.doorlooptijdPerJaar[0]).toEqual({ jaar: 2024, mediaanDagen: null, p25Dagen: null, p75Dagen: null, onderdrukt: false });
    const maart = naarWerkgroepMonitoring(release, vraag('MAAND', '2025-03-01', '2025-04-01'));
    expect(maart.doorlooptijdPerJaar).toEqual([{ jaar: 2025, ...maart.doorlooptijd }]);
    const vier = maakRekenaar(times(4, (i) => geval({ aangemeldOp: `2025-01-0${i + 1}`, gehuisvestOp: `2025-03-0${i + 1}`, fase: 'GEHUISVEST', uitkomst: 'GEHUISVEST' })));
    expect(naarWerkgroepMonitoring(vier, vraag('JAAR', '2025-01-01', '2026-01-01')).doorlooptijdPerJaar).toEqual([
      { jaar: 2025, mediaanDagen: null, p25Dagen: null, p75Dagen: null, onderdrukt: true },
    ]);
  });

  it('hides conversations that come from fewer than five people, however many there were', () => {
    const twee = { corporatie: 'nester', leiddeTotHuisvesting: false, reden: 'Geen passende woning' };
    const r = maakRekenaar(times(3, () => geval({ gesprekken: [twee, { ...twee, corporatie: 'zowonen' }] })));
    expect(naarWerkgroepMonitoring(r, vraag('JAAR', '2025-01-01', '2026-01-01')).gesprekken.nietGeleid).toEqual({ waarde: null, onderdrukt: true });
  });
});
