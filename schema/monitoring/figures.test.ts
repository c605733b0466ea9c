import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FASEN, GEMEENTEN, type Regio } from '../vocabulary.js';
import { naarWerkgroepMonitoring } from './dashboard-view.js';
import { berekenMonitoring, OVERIGE_REDENEN, type Kubus, type MonitoringRij } from './figures.js';
import { rij } from './kubus.js';

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
const JAAR_2025 = { periode: 'JAAR', van: '2025-01-01', tot: '2026-01-01' } as const;
const shown = (c: { waarde: number | null; onderdrukt: boolean }): number | 'x' => (c.onderdrukt ? 'x' : (c.waarde as number));

/** The per-line rule checked on the published structure of a kubus (independent of its internals). */
function expectNoSingleHiddenInAnyLine(kubus: Kubus): void {
  const cols = [...kubus.kolommen.map((c) => (r: (typeof kubus.rijen)[number]) => r.kolommen[c]!), (r: (typeof kubus.rijen)[number]) => r.totaal];
  const lines: { onderdrukt: boolean }[][] = [];
  for (const r of kubus.rijen) lines.push([...kubus.kolommen.map((c) => r.kolommen[c]!), r.totaal]);
  for (const col of cols) {
    for (const regio of ['NOORD_LIMBURG', 'MIDDEN_LIMBURG'] as const) {
      lines.push([...kubus.rijen.filter((r) => r.soort === 'GEMEENTE' && r.regio === regio).map(col), col(rij(kubus, 'REGIO', regio))]);
    }
    lines.push([...kubus.rijen.filter((r) => r.soort === 'REGIO').map(col), col(rij(kubus, 'TOTAAL'))]);
    lines.push([...kubus.rijen.filter((r) => r.soort === 'PARTNER').map(col), col(rij(kubus, 'TOTAAL'))]);
  }
  for (const line of lines) expect(line.filter((c) => c.onderdrukt).length).not.toBe(1);
}

function expectNoSmallShown(kubus: Kubus, k = 5): void {
  for (const r of kubus.rijen) {
    for (const c of [...Object.values(r.kolommen), ...Object.values(r.groepen), r.totaal, ...Object.values(r.uitsplitsing)]) {
      if (!c.onderdrukt) expect(c.waarde === 0 || (c.waarde as number) >= k).toBe(true);
    }
  }
}

describe('berekenMonitoring', () => {
  const rows: MonitoringRij[] = [
    ...times(10, (i) =>
      geval({
        aangemeldOp: `2025-01-${String(i + 1).padStart(2, '0')}`,
        fase: i < 6 ? 'GEHUISVEST' : 'BEMIDDELING',
        uitkomst: i < 6 ? 'GEHUISVEST' : null,
        gehuisvestOp: i < 6 ? `2025-03-${String(i + 1).padStart(2, '0')}` : null,
        gehuisvestGemeente: i < 6 ? 'venlo' : null,
        zelfstandigNa1Jaar: i < 6 ? true : null,
        gesprekken: [
          { corporatie: 'woonwenz', leiddeTotHuisvesting: i < 6, reden: i < 6 ? null : 'Geen passende woning' },
        ],
      }),
    ),
    ...times(8, (i) =>
      geval({
        gemeente: 'roermond',
        regio: 'MIDDEN_LIMBURG',
        partner: 'leger-des-heils',
        aangemeldOp: '2025-02-03',
        fase: 'AFGESLOTEN',
        uitkomst: i < 5 ? 'NIET_DOELGROEP_REGULIER' : 'NIET_DOELGROEP_ANDERS',
        reguliereHuurGelukt: i < 5 ? i < 3 : null,
        nietDoelgroepReden: i < 5 ? null : i === 7 ? 'Verhuisd naar het buitenland' : 'Geen ondersteuningsvraag',
      }),
    ),
    ...times(2, () => geval({ gemeente: 'beesel', partner: null, aangemeldOp: '2025-01-20' })),
  ];
  const cijfers = berekenMonitoring(rows, JAAR_2025);

  it('counts registrations per regio and in total', () => {
    expect(shown(rij(cijfers.aangemeld, 'TOTAAL').totaal)).toBe(20);
    expect(shown(rij(cijfers.aangemeld, 'REGIO', 'NOORD_LIMBURG').totaal)).toBe(12);
    expect(shown(rij(cijfers.aangemeld, 'REGIO', 'MIDDEN_LIMBURG').totaal)).toBe(8);
    expect(shown(rij(cijfers.aangemeld, 'GEMEENTE', 'roermond').totaal)).toBe(8);
  });

  it('hides a small gemeente and the one gemeente that would give it away through the regio total', () => {
    expect(rij(cijfers.aangemeld, 'GEMEENTE', 'beesel').totaal).toEqual({ waarde: null, onderdrukt: true });
    expect(rij(cijfers.aangemeld, 'GEMEENTE', 'venlo').totaal.onderdrukt).toBe(true);
    expect(shown(rij(cijfers.aangemeld, 'GEMEENTE', 'bergen').totaal)).toBe(0);
  });

  it('hides the cases without a partner and a complement among the partners', () => {
    expect(rij(cijfers.aangemeld, 'PARTNER', 'zonder-partner').totaal.onderdrukt).toBe(true);
    const partners = cijfers.aangemeld.rijen.filter((r) => r.soort === 'PARTNER' && r.totaal.onderdrukt);
    expect(partners.length).toBeGreaterThanOrEqual(2);
  });

  it('counts eligibility outcomes, and who of the regular ones found a home', () => {
    expect(shown(rij(cijfers.nietDoelgroepRegulier, 'TOTAAL').totaal)).toBe(5);
    expect(rij(cijfers.nietDoelgroepRegulierGehuisvest, 'TOTAAL').totaal.onderdrukt).toBe(true);
    expect(rij(cijfers.nietDoelgroepAnders, 'TOTAAL').totaal.onderdrukt).toBe(true);
    expect(shown(rij(cijfers.doelgroep, 'TOTAAL').totaal)).toBe(10);
    expect(shown(rij(cijfers.gehuisvest, 'TOTAAL').totaal)).toBe(6);
  });

  it('never shows a rare free-text reason as a label', () => {
    expect(cijfers.nietDoelgroepAnders.uitsplitsingen).toEqual([OVERIGE_REDENEN]);
    expect(cijfers.gesprekkenNietGeleid.uitsplitsingen).toEqual([OVERIGE_REDENEN]);
  });

  it('computes the waiting time and its quartiles in days', () => {
    // Registered 1…6 Jan, housed 1…6 Mar 2025: 59 days each.
    expect(cijfers.doorlooptijd.totaal).toEqual({ mediaanDagen: 59, p25Dagen: 59, p75Dagen: 59, onderdrukt: false });
  });

  it('hides the waiting time when fewer than five people were housed', () => {
    const few = berekenMonitoring(rows.slice(2), { ...JAAR_2025 });
    expect(few.doorlooptijd.totaal).toEqual({ mediaanDagen: null, p25Dagen: null, p75Dagen: null, onderdrukt: true });
  });

  it('sets homes delivered against the yearly target per regio, not pro-rated', () => {
    expect(cijfers.doelen).toEqual([
      { regio: 'NOORD_LIMBURG', jaar: 2025, doel: 120, gerealiseerd: { waarde: 6, onderdrukt: false } },
      { regio: 'MIDDEN_LIMBURG', jaar: 2025, doel: 100, gerealiseerd: { waarde: 0, onderdrukt: false } },
    ]);
    const halfYear = berekenMonitoring(rows, { periode: 'MAAND', van: '2025-01-01', tot: '2025-07-01' });
    expect(halfYear.doelen[0]).toMatchObject({ doel: 120, gerealiseerd: { waarde: 6 } });
  });

  it('counts conversations, still independent after a year, and phases now', () => {
    expect(shown(rij(cijfers.gesprekkenGeleid, 'TOTAAL').totaal)).toBe(6);
    expect(rij(cijfers.gesprekkenGeleid, 'TOTAAL').uitsplitsing).toEqual({ venlo: { waarde: 6, onderdrukt: false } });
    expect(rij(cijfers.gesprekkenNietGeleid, 'TOTAAL').totaal.onderdrukt).toBe(true);
    expect(shown(rij(cijfers.zelfstandigNaEenJaar, 'TOTAAL').totaal)).toBe(6);
    const fasen = rij(cijfers.fasenNu, 'TOTAAL').kolommen;
    expect(Object.fromEntries(FASEN.map((f) => [f, shown(fasen[f]!)]))).toEqual({
      MELDING: 'x',
      ONDERZOEK: 0,
      BEMIDDELING: 'x',
      CORPORATIEGESPREK: 0,
      HUUROVEREENKOMST: 0,
      GEHUISVEST: 6,
      AFGESLOTEN: 8,
    });
  });

  it('hides conversations that come from fewer than five people, however many there were', () => {
    const twee = { corporatie: 'nester', leiddeTotHuisvesting: false, reden: 'Geen passende woning' };
    const c = berekenMonitoring(times(3, () => geval({ gesprekken: [twee, { ...twee, corporatie: 'zowonen' }] })), JAAR_2025);
    expect(rij(c.gesprekkenNietGeleid, 'TOTAAL').totaal).toEqual({ waarde: null, onderdrukt: true });
  });

  it('places a case in the period of the date that matters for the figure', () => {
    const maand = berekenMonitoring(rows, { periode: 'MAAND', van: '2025-01-01', tot: '2025-04-01' });
    const totaal = rij(maand.aangemeld, 'TOTAAL').kolommen;
    expect([totaal['2025-01'], totaal['2025-02'], totaal['2025-03']].map((c) => shown(c!))).toEqual([12, 8, 0]);
    const huis = rij(maand.gehuisvest, 'TOTAAL').kolommen;
    expect([huis['2025-01'], huis['2025-03']].map((c) => shown(c!))).toEqual([0, 6]);
  });

  it('leaves out what falls outside [van, tot)', () => {
    const feb = berekenMonitoring(rows, { periode: 'MAAND', van: '2025-02-01', tot: '2025-03-01' });
    expect(shown(rij(feb.aangemeld, 'TOTAAL').totaal)).toBe(8);
    expect(shown(rij(feb.gehuisvest, 'TOTAAL').totaal)).toBe(0);
  });

  it('groups months into years when the range spans more than one year', () => {
    const twee = berekenMonitoring(
      [...rows, ...times(7, () => geval({ aangemeldOp: '2026-01-05', gehuisvestOp: '2026-02-01', fase: 'GEHUISVEST', uitkomst: 'GEHUISVEST' }))],
      { periode: 'MAAND', van: '2025-01-01', tot: '2027-01-01' },
    );
    expect(twee.jaren).toEqual([2025, 2026]);
    expect(twee.doelen.find((d) => d.regio === 'NOORD_LIMBURG' && d.jaar === 2026)?.gerealiseerd).toEqual({ waarde: 7, onderdrukt: false });
    expect(rij(twee.aangemeld, 'TOTAAL').groepen).toEqual({ '2025': { waarde: 20, onderdrukt: false }, '2026': { waarde: 7, onderdrukt: false } });
  });
});

describe('naarWerkgroepMonitoring', () => {
  const rows = [
    ...times(9, (i) => geval({ aangemeldOp: `2025-0${(i % 3) + 1}-10` })),
    ...times(6, () => geval({ gemeente: 'weert', regio: 'MIDDEN_LIMBURG', aangemeldOp: '2025-02-01' })),
  ];
  const cijfers = berekenMonitoring(rows, { periode: 'MAAND', van: '2025-01-01', tot: '2025-04-01' });

  it('answers the query shape for both regio\'s', () => {
    const view = naarWerkgroepMonitoring(cijfers, { garantiefonds: { saldoCent: 1, bijdragenOpenstaandCent: 2, aanvragen: 3, uitbetaaldCent: 4 } });
    expect(view.perPeriode.map((p) => [p.periode, shown(p.aangemeld)])).toEqual([['2025-01', 'x'], ['2025-02', 9], ['2025-03', 'x']]);
    expect(view.perGemeente).toHaveLength(Object.keys(GEMEENTEN).length);
    expect(view.fasenNu.map((f) => f.fase)).toEqual([...FASEN]);
    expect(view.garantiefonds).toEqual({ saldoCent: 1, bijdragenOpenstaandCent: 2, aanvragen: 3, uitbetaaldCent: 4 });
    expect(view.zonderToestemming).toBeNull();
  });

  it('selects one regio from the same suppressed figures instead of computing them again', () => {
    const regio: Regio = 'NOORD_LIMBURG';
    const view = naarWerkgroepMonitoring(cijfers, { regio });
    expect(view.perGemeente.every((g) => g.regio === regio)).toBe(true);
    expect(view.perPeriode.map((p) => p.aangemeld)).toEqual(
      cijfers.perioden.map((p) => rij(cijfers.aangemeld, 'REGIO', regio).kolommen[p.sleutel]),
    );
    expect(view.doelen.map((d) => d.regio)).toEqual([regio]);
  });
});

describe('berekenMonitoring on random rows (property)', () => {
  const gemeenten = ['venlo', 'beesel', 'weert', 'roermond'] as const;
  const arbRow = fc.record({
    gemeente: fc.constantFrom(...gemeenten),
    partner: fc.constantFrom('met-ggz', 'moveoo', null),
    maand: fc.integer({ min: 1, max: 6 }),
    uitkomst: fc.constantFrom(null, 'NIET_DOELGROEP_REGULIER', 'NIET_DOELGROEP_ANDERS', 'GEHUISVEST', 'TERUGGETROKKEN'),
    reden: fc.constantFrom('A', 'B', null),
    wacht: fc.integer({ min: 0, max: 3 }),
    gesprekken: fc.array(fc.record({ leidde: fc.boolean(), reden: fc.constantFrom('X', 'Y', null) }), { maxLength: 2 }),
  });

  it('shows no small count, keeps every line safe and counts right', () => {
    fc.assert(
      fc.property(fc.array(arbRow, { maxLength: 60 }), (specs) => {
        const rows = specs.map((s) =>
          geval({
            gemeente: s.gemeente,
            regio: GEMEENTEN[s.gemeente].regio,
            partner: s.partner,
            aangemeldOp: `2025-0${s.maand}-15`,
            uitkomst: s.uitkomst as MonitoringRij['uitkomst'],
            fase: s.uitkomst === 'GEHUISVEST' ? 'GEHUISVEST' : s.uitkomst ? 'AFGESLOTEN' : 'ONDERZOEK',
            nietDoelgroepReden: s.reden,
            gehuisvestOp: s.uitkomst === 'GEHUISVEST' ? `2025-0${Math.min(s.maand + s.wacht, 9)}-20` : null,
            gesprekken: s.gesprekken.map((g) => ({ corporatie: 'zowonen', leiddeTotHuisvesting: g.leidde, reden: g.reden })),
          }),
        );
        const c = berekenMonitoring(rows, { periode: 'HALFJAAR', van: '2025-01-01', tot: '2026-01-01' });
        for (const kubus of [c.aangemeld, c.nietDoelgroepAnders, c.doelgroep, c.gehuisvest, c.gesprekkenNietGeleid, c.fasenNu]) {
          expectNoSmallShown(kubus);
          expectNoSingleHiddenInAnyLine(kubus);
        }
        const h1 = rij(c.aangemeld, 'TOTAAL').kolommen['2025-H1']!;
        if (!h1.onderdrukt) expect(h1.waarde).toBe(rows.length);
      }),
      { numRuns: 25 },
    );
  });
});
