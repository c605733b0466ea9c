/**
 * Can a combination of released Werkgroep figures give away a cell below the threshold? This searches
 * the whole release over the demo data (`npm start`'s 400 cases) the way an attacker would, and finds
 * nothing; pointed at the old release method (each question suppressed on its own) it finds the
 * Venlo/Venray leak of issue 11 (a range minus the range one month shorter).
 *
 * How the search works (independent of the suppression code): every released count is the number of
 * units (cases, or conversations) in a set the test rebuilds from the rows — measure, gemeente / regio
 * / total, period or range, reason, phase. A hidden cell is recoverable exactly when its set's indicator
 * vector is a linear combination of the vectors of shown cells: that covers the difference of any two
 * ranges, a total minus its parts (gemeenten in a regio, months in a quarter or year, regio's in the
 * whole, reasons in a total), and any chain of those across every table of the dashboard and every
 * question the API accepts. Linear algebra modulo two primes decides it exactly for these 0/1 vectors
 * (a combination over the rationals survives modulo p; a spurious one would show up as a failure).
 */
import { describe, expect, it } from 'vitest';
import { maakDemoPlan } from '../../../scripts/demo-data/plan.js';
import { naarWerkgroepMonitoring } from '../../../schema/monitoring/dashboard-view.js';
import { MATEN, maakRekenaar, type Maat, type MaatNaam, type MonitoringRij } from '../../../schema/monitoring/figures.js';
import { bouwKubus, rij, type Cijfer } from '../../../schema/monitoring/kubus.js';
import { inBereik, perioden, periodenInBereik, PERIODE_SOORTEN } from '../../../schema/monitoring/periods.js';
import { DEFAULT_THRESHOLD } from '../../../schema/monitoring/suppression.js';
import { leesVerzoek, type MonitoringVerzoek } from '../../../schema/monitoring/verzoek.js';
import { FASEN, REGIOS, regioVanGemeente, type Fase, type Regio } from '../../../schema/vocabulary.js';
import { monitoringRij, type SelectieRow, type MonitoringTraject } from './rijen.js';

const K = DEFAULT_THRESHOLD;
const NU = '2026-03-15T12:00:00Z';
const JAREN = [2023, 2024, 2025, 2026];

/** The demo data's monitoring rows, exactly as the regisseur builds them from its tables. */
function demoRijen(): MonitoringRij[] {
  const plan = maakDemoPlan(new Date(NU));
  const besproken = new Map<string, SelectieRow[]>();
  for (const s of plan.regisseur.selecties as SelectieRow[]) {
    if (s.overlegUitkomst) besproken.set(s.trajectId, [...(besproken.get(s.trajectId) ?? []), s]);
  }
  return (plan.regisseur.trajecten as (MonitoringTraject & { id: string })[]).map((t) => monitoringRij(t, besproken.get(t.id) ?? [], NU.slice(0, 10)));
}

/** Which units a released count counts: rebuilt by the test from the rows. */
interface Verzameling {
  readonly maat: MaatNaam | `fase:${Fase}`;
  readonly rij: { readonly soort: 'GEMEENTE' | 'REGIO' | 'TOTAAL'; readonly sleutel: string };
  /** The range of the unit's date; absent for the phases now (a snapshot). */
  readonly van?: string;
  readonly tot?: string;
  readonly reden?: string;
}
interface Uitgave extends Verzameling {
  readonly cijfer: Cijfer;
}

const regioVan = (r: MonitoringRij): Regio => regioVanGemeente(r.gemeente) ?? r.regio;

/** The units of a set as atoms (`c3` case 3, `gesprekkenNietGeleid:3:1` its second such conversation) and the people behind them. */
function eenheden(rows: readonly MonitoringRij[], v: Verzameling, label: (t: string | null) => string): { atomen: string[]; mensen: number } {
  const atomen: string[] = [];
  const mensen = new Set<number>();
  rows.forEach((r, i) => {
    const inRij = v.rij.soort === 'TOTAAL' || (v.rij.soort === 'REGIO' ? regioVan(r) === v.rij.sleutel : r.gemeente === v.rij.sleutel);
    if (!inRij) return;
    if (v.maat.startsWith('fase:')) {
      if (r.fase === v.maat.slice(5)) (atomen.push(`fase:${i}`), mensen.add(i));
      return;
    }
    const maat: Maat = MATEN[v.maat as MaatNaam];
    const datum = maat.datum(r);
    if (datum === null || !inBereik(datum, v.van!, v.tot!)) return;
    maat.eenheden(r).forEach((e, j) => {
      if (v.reden !== undefined && label(e.reden ?? null) !== v.reden) return;
      atomen.push(`${v.maat}:${i}:${j}`);
      mensen.add(i);
    });
  });
  return { atomen, mensen: mensen.size };
}

/** Gaussian elimination modulo a prime: is a 0/1 vector in the span of the vectors added so far? */
class Span {
  private readonly rows: { pivot: number; v: Float64Array }[] = [];
  constructor(
    private readonly dim: number,
    private readonly p: number,
  ) {}
  private reduce(terms: readonly (readonly [number, number])[]): Float64Array {
    const v = new Float64Array(this.dim);
    for (const [a, c] of terms) v[a] = (((v[a]! + c) % this.p) + this.p) % this.p;
    for (const { pivot, v: b } of this.rows) {
      const f = v[pivot]!;
      if (f === 0) continue;
      for (let j = 0; j < this.dim; j++) if (b[j] !== 0) v[j] = (((v[j]! - f * b[j]!) % this.p) + this.p) % this.p;
    }
    return v;
  }
  add(terms: readonly (readonly [number, number])[]): void {
    const v = this.reduce(terms);
    const pivot = v.findIndex((x) => x !== 0);
    if (pivot === -1) return;
    const inv = this.inverse(v[pivot]!);
    for (let j = 0; j < this.dim; j++) v[j] = (v[j]! * inv) % this.p;
    this.rows.push({ pivot, v });
  }
  contains(terms: readonly (readonly [number, number])[]): boolean {
    return this.reduce(terms).every((x) => x === 0);
  }
  private inverse(a: number): number {
    let [r0, r1, s0, s1] = [this.p, a, 0, 1];
    while (r1 !== 0) {
      const q = Math.floor(r0 / r1);
      [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
    }
    return ((s0 % this.p) + this.p) % this.p;
  }
}

interface Lek {
  readonly cel: Verzameling;
  readonly waarde: number;
}

/**
 * The exact links between tables that an attacker can know from the definitions alone, each as signed
 * sets of atoms that sum to zero (checked on the data). Per regio and for the total: the phases now add
 * up to all registrations ever; all eligible minus all housed are the cases open in BEMIDDELING,
 * CORPORATIEGESPREK or HUUROVEREENKOMST. Other measures are subsets of each other (housed ⊇ still
 * independent, registered ⊇ eligible) — bounds, not equations — so they get atoms of their own: an
 * accidental equality in the demo data (every case housed in one month still independent) is not
 * something an attacker can know.
 */
function identiteiten(rows: readonly MonitoringRij[]): (readonly [readonly string[], number])[][] {
  const open: readonly Fase[] = ['BEMIDDELING', 'CORPORATIEGESPREK', 'HUUROVEREENKOMST'];
  const heel = { van: `${JAREN[0]}-01-01`, tot: `${JAREN.at(-1)! + 1}-01-01` };
  return [...REGIOS.map((r) => ({ soort: 'REGIO' as const, sleutel: r })), { soort: 'TOTAAL' as const, sleutel: 'totaal' }].flatMap((rij) => {
    const set = (maat: Verzameling['maat'], dates = true) => eenheden(rows, { maat, rij, ...(dates ? heel : {}) }, () => '').atomen;
    const fasen = (fs: readonly Fase[]) => fs.flatMap((f) => set(`fase:${f}`, false));
    const links = [
      [[fasen(FASEN), 1], [set('aangemeld'), -1]],
      [[set('doelgroep'), 1], [set('gehuisvest'), -1], [fasen(open), -1]],
    ] as const;
    for (const l of links) expect(l.reduce((s, [a, c]) => s + a.length * c, 0), `link ${JSON.stringify(rij)}`).toBe(0);
    return links.map((l) => [...l]);
  });
}

/** Every hidden released cell of 1 … K-1 units or people that the shown cells give away. */
function zoekLekken(rows: readonly MonitoringRij[], uitgaven: readonly Uitgave[], label: (t: string | null) => string): Lek[] {
  const sleutel = (v: Verzameling) => JSON.stringify([v.maat, v.rij.soort, v.rij.sleutel, v.van, v.tot, v.reden]);
  const cellen = new Map<string, { v: Verzameling; atomen: string[]; mensen: number; getoond: boolean }>();
  for (const u of uitgaven) {
    const { atomen, mensen } = eenheden(rows, u, label);
    // The oracle must agree with what was released, or it would be testing something else.
    if (!u.cijfer.onderdrukt) expect(u.cijfer.waarde, sleutel(u)).toBe(atomen.length);
    const bestaand = cellen.get(sleutel(u));
    if (bestaand) expect(bestaand.getoond, `${sleutel(u)} shown in one answer and hidden in another`).toBe(!u.cijfer.onderdrukt);
    else cellen.set(sleutel(u), { v: u, atomen, mensen, getoond: !u.cijfer.onderdrukt });
  }
  // What an attacker knows besides the figures: links between tables that hold for every data set.
  const bekend = identiteiten(rows);
  // Atoms that always occur together are one unknown: merge them to keep the elimination small.
  const handtekening = new Map<string, string[]>();
  const noteer = (atomen: readonly string[], id: string) => atomen.forEach((a) => handtekening.set(a, [...(handtekening.get(a) ?? []), id]));
  [...cellen.values()].forEach((c, n) => noteer(c.atomen, `c${n}`));
  bekend.forEach((b, n) => b.forEach(([atomen], m) => noteer(atomen, `i${n}:${m}`)));
  const klasse = new Map<string, number>();
  const atoomIndex = new Map<string, number>();
  for (const [a, ids] of handtekening) {
    const key = ids.join(',');
    if (!klasse.has(key)) klasse.set(key, klasse.size);
    atoomIndex.set(a, klasse.get(key)!);
  }
  const vector = (atomen: readonly string[], c = 1) => atomen.map((a) => [atoomIndex.get(a)!, c] as const);
  const spans = [67_108_859, 33_554_393].map((p) => new Span(klasse.size, p));
  for (const c of cellen.values()) if (c.getoond) for (const s of spans) s.add(vector(c.atomen));
  for (const b of bekend) for (const s of spans) s.add(b.flatMap(([atomen, c]) => vector(atomen, c)));
  const klein = (n: number) => n > 0 && n < K;
  return [...cellen.values()]
    .filter((c) => !c.getoond && (klein(c.atomen.length) || klein(c.mensen)))
    .filter((c) => spans.some((s) => s.contains(vector(c.atomen))))
    .map((c) => ({ cel: c.v, waarde: c.atomen.length }));
}

/** Every question the API accepts over the demo years: one aligned period of any kind, or whole years. */
function alleVragen(): MonitoringVerzoek[] {
  const bereiken = [
    ...JAREN.flatMap((j) => perioden(j).map((p) => [p.periode.van, p.periode.tot] as const)),
    ...JAREN.flatMap((a, i) => JAREN.slice(i + 1).map((b) => [`${a}-01-01`, `${b + 1}-01-01`] as const)),
  ];
  const vragen: MonitoringVerzoek[] = [];
  for (const [van, tot] of bereiken) {
    for (const periode of PERIODE_SOORTEN) {
      for (const regio of [null, ...REGIOS]) {
        try {
          vragen.push(leesVerzoek({ periode, van, tot, regio }));
        } catch {
          // Not on the boundaries of this kind of period: the API refuses it, so it releases nothing.
        }
      }
    }
  }
  return vragen;
}

/** The released counts of one answer, each with the set it counts. */
function uitgavenVan(v: MonitoringVerzoek, a: ReturnType<typeof naarWerkgroepMonitoring>): Uitgave[] {
  const hoofd = v.regio ? { soort: 'REGIO' as const, sleutel: v.regio } : { soort: 'TOTAAL' as const, sleutel: 'totaal' };
  const bereik = { van: v.van, tot: v.tot };
  const out: Uitgave[] = [];
  const periodes = periodenInBereik(v.periode, v.van, v.tot);
  a.perPeriode.forEach((p, i) => {
    const { van, tot } = periodes[i]!;
    for (const maat of ['aangemeld', 'doelgroep', 'gehuisvest', 'nietDoelgroepRegulier', 'nietDoelgroepAnders'] as const) {
      out.push({ maat, rij: hoofd, van, tot, cijfer: p[maat] });
    }
  });
  for (const g of a.perGemeente) {
    const r = { soort: 'GEMEENTE' as const, sleutel: g.gemeente };
    out.push({ maat: 'aangemeld', rij: r, ...bereik, cijfer: g.aangemeld }, { maat: 'gehuisvest', rij: r, ...bereik, cijfer: g.gehuisvest });
  }
  for (const d of a.doelen) {
    const van = v.van > `${d.jaar}-01-01` ? v.van : `${d.jaar}-01-01`;
    const tot = v.tot < `${d.jaar + 1}-01-01` ? v.tot : `${d.jaar + 1}-01-01`;
    out.push({ maat: 'gehuisvest', rij: { soort: 'REGIO', sleutel: d.regio }, van, tot, cijfer: d.gerealiseerd });
  }
  for (const f of a.fasenNu) out.push({ maat: `fase:${f.fase}`, rij: hoofd, cijfer: f.aantal });
  out.push({ maat: 'gesprekkenGeleid', rij: hoofd, ...bereik, cijfer: a.gesprekken.leiddeTotHuisvesting });
  out.push({ maat: 'gesprekkenNietGeleid', rij: hoofd, ...bereik, cijfer: a.gesprekken.nietGeleid });
  for (const r of a.gesprekken.redenen) out.push({ maat: 'gesprekkenNietGeleid', rij: hoofd, ...bereik, reden: r.reden, cijfer: r.aantal });
  out.push({ maat: 'zelfstandigNaEenJaar', rij: hoofd, ...bereik, cijfer: a.zelfstandig.naEenJaar });
  out.push({ maat: 'zelfstandigNaTweeJaar', rij: hoofd, ...bereik, cijfer: a.zelfstandig.naTweeJaar });
  return out;
}

/**
 * The old release, reduced to what the leak needs: each question [van, tot) got its own table of
 * gemeenten × the months asked and their total, suppressed on its own (primary, complements, exact
 * audit — all within that one table).
 */
function oudeUitgaven(rows: readonly MonitoringRij[], van: string, tot: string): Uitgave[] {
  const maanden = periodenInBereik('MAAND', van, tot).map((p) => p.sleutel);
  const kubus = bouwKubus(
    rows.flatMap((r, persoon) =>
      inBereik(r.aangemeldOp, van, tot) ? [{ gemeente: r.gemeente, regio: regioVan(r), kolom: r.aangemeldOp.slice(0, 7), persoon }] : [],
    ),
    { kolommen: maanden, totalen: [{ sleutel: 'bereik', leden: maanden }], gemeenten: maakRekenaar(rows).gemeenten },
    K,
  );
  return kubus.rijen
    .filter((x) => x.soort === 'GEMEENTE')
    .map((x) => ({ maat: 'aangemeld', rij: { soort: 'GEMEENTE', sleutel: x.sleutel }, van, tot, cijfer: x.kolommen['bereik']! }));
}

describe('released Werkgroep figures cannot be combined into a small cell', () => {
  const rows = demoRijen();
  const release = maakRekenaar(rows);

  it('finds nothing in the release: every question, every table, both regio\'s', () => {
    const vragen = alleVragen();
    expect(vragen.length).toBeGreaterThan(300);
    const uitgaven = vragen.flatMap((v) => uitgavenVan(v, naarWerkgroepMonitoring(release, v)));
    // The search has something to find: small cells are hidden, and many cells are shown.
    expect(uitgaven.filter((u) => u.cijfer.onderdrukt).length).toBeGreaterThan(100);
    expect(uitgaven.filter((u) => !u.cijfer.onderdrukt && u.cijfer.waarde! > 0).length).toBeGreaterThan(1000);
    const lekken = zoekLekken(rows, uitgaven, release.label);
    expect(lekken.map((l) => `${l.cel.maat} ${l.cel.rij.sleutel} ${l.cel.van ?? 'nu'}…${l.cel.tot ?? ''} ${l.cel.reden ?? ''} = ${l.waarde}`)).toEqual([]);
  }, 120_000);

  it('finds the issue-11 leak in the old method: two ranges one month apart', () => {
    const eindes = periodenInBereik('MAAND', '2024-02-01', '2026-01-01').map((p) => p.van);
    const uitgaven = [
      ...eindes.flatMap((tot) => oudeUitgaven(rows, '2024-01-01', tot)),
      ...periodenInBereik('MAAND', '2024-01-01', '2025-12-01').flatMap((p) => oudeUitgaven(rows, p.van, p.tot)),
    ];
    const lekken = zoekLekken(rows, uitgaven, release.label);
    const maandLekken = lekken.filter((l) => l.cel.rij.soort === 'GEMEENTE' && periodenInBereik('MAAND', l.cel.van!, l.cel.tot!).length === 1);
    expect(maandLekken.length, JSON.stringify(lekken.slice(0, 5))).toBeGreaterThan(0);
    // Every leak is a gemeente's month (or months) that one range has and the other does not.
    for (const l of maandLekken) expect(l.waarde).toBeLessThan(K);
  }, 120_000);
});
