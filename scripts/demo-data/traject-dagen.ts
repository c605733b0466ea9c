/**
 * The days of a case's events inside its phases: the kitchen-table talk, the documents, the target
 * group assessment, the signed plan and the hand-over consent in ONDERZOEK; the profile and the
 * selection in BEMIDDELING; the overleg and the offers; the half-yearly evaluations and signals
 * after housing; the lease's end. Only events that already happened (before today) are returned.
 */
import type { Rng } from './prng.js';
import type { Tijdlijn } from './timeline.js';

export interface Dagen {
  /** The care provider's mandate, before the melding (negative offset). */
  machtiging?: number;
  gesprek?: number;
  /** Landlord statement and BRP extract. */
  documentenA?: number;
  /** Income statement (and guardianship order). */
  documentenB?: number;
  doelgroep?: { readonly dag: number; readonly positief: boolean };
  plan?: number;
  overdrachtToestemming?: number;
  overdracht?: number;
  warmeToestemming?: number;
  warmeOverdracht?: number;
  /** First draft of the profile. */
  profiel?: number;
  /** Corporations selected; the profile is complete from then on. */
  selectie?: number;
  profielAf?: number;
  overleg?: number;
  aanbod?: number;
  match?: number;
  /** When the matched corporation may get a targeted health consent. */
  matchToestemming?: number;
  /** Lease signed: housed. */
  huur?: number;
  evaluaties: number[];
  signalen: number[];
  huurEinde?: number;
  sluiting?: number;
}

const HALF_JAAR = 182;

export function kiesDagen(rng: Rng, t: Tijdlijn, o: { warm: boolean; melder: string }): Dagen {
  const d: Dagen = { evaluaties: [], signalen: [] };
  const r = (x: number | undefined) => (x !== undefined && t.bereikt(x) ? x : undefined);
  const b = t.bestemming;
  const sluitIn = b.soort === 'AFGESLOTEN' ? b.sluitFase : null;
  if (o.melder === 'ZORGAANBIEDER') d.machtiging = -rng.int(1, 14);

  if (t.vak('ONDERZOEK')) {
    if (sluitIn === 'ONDERZOEK') {
      if (b.soort === 'AFGESLOTEN' && b.uitkomst.startsWith('NIET_DOELGROEP')) {
        const [g, a, dg] = t.binnen('ONDERZOEK', [0.3, 0.45, 0.75]);
        Object.assign(d, { gesprek: g, documentenA: a, doelgroep: { dag: dg!, positief: false } });
      } else {
        d.gesprek = t.binnen('ONDERZOEK', [0.4])[0];
      }
    } else {
      const [g, a, bb, dg, p, ts] = t.binnen('ONDERZOEK', [0.2, 0.3, 0.4, 0.5, 0.7, 0.88]);
      d.gesprek = r(g);
      d.documentenA = r(a);
      d.documentenB = r(bb);
      if (r(dg) !== undefined) d.doelgroep = { dag: dg!, positief: true };
      d.plan = r(p);
      d.overdrachtToestemming = r(ts);
    }
  }

  const bm = t.vak('BEMIDDELING');
  if (bm) {
    d.overdracht = bm.start;
    if (sluitIn === 'BEMIDDELING') {
      d.profiel = t.binnen('BEMIDDELING', [0.5])[0];
    } else if (o.warm) {
      const [wt, w, p, s] = t.binnen('BEMIDDELING', [0.12, 0.2, 0.55, 0.8]);
      Object.assign(d, { warmeToestemming: r(wt), warmeOverdracht: r(w), profiel: r(p), selectie: r(s) });
    } else {
      const [p, s] = t.binnen('BEMIDDELING', [0.45, 0.75]);
      Object.assign(d, { profiel: r(p), selectie: r(s) });
    }
  }

  if (t.vak('CORPORATIEGESPREK')) {
    d.profielAf = t.vak('CORPORATIEGESPREK')!.start;
    const [ov, a] = t.binnen('CORPORATIEGESPREK', [0.3, 0.45]);
    Object.assign(d, { overleg: r(ov), aanbod: r(a) });
  }

  if (t.vak('HUUROVEREENKOMST')) {
    d.match = t.vak('HUUROVEREENKOMST')!.start;
    d.matchToestemming = r(t.binnen('HUUROVEREENKOMST', [0.4])[0]);
  }

  const gh = t.vak('GEHUISVEST');
  if (gh) {
    d.huur = gh.start;
    const eindigt = b.soort === 'AFGESLOTEN' && b.uitkomst.startsWith('HUUR_BEEINDIGD');
    // The lease ends a little before the regisseur closes the case.
    if (eindigt) d.huurEinde = t.sluitDag! - rng.int(3, Math.min(20, Math.max(3, t.sluitDag! - gh.start - 40)));
    const tot = d.huurEinde ?? t.sluitDag ?? t.vandaag;
    for (let k = 1; gh.start + HALF_JAAR * k < tot; k++) d.evaluaties.push(gh.start + HALF_JAAR * k);
    const negatief = eindigt && b.soort === 'AFGESLOTEN' && b.uitkomst !== 'HUUR_BEEINDIGD_POSITIEF';
    const aantal = negatief ? rng.int(1, 3) : rng.chance(0.2) ? 1 : 0;
    const van = negatief ? Math.max(gh.start + 20, d.huurEinde! - 200) : gh.start + 30;
    const totSignaal = negatief ? d.huurEinde! - 5 : tot - 1;
    for (let i = 0; i < aantal && van < totSignaal; i++) {
      let dag = rng.int(van, totSignaal);
      while (d.evaluaties.includes(dag) || d.signalen.includes(dag)) dag++;
      if (dag < tot) d.signalen.push(dag);
    }
    d.signalen.sort((x, y) => x - y);
  }

  if (b.soort === 'AFGESLOTEN') d.sluiting = t.sluitDag!;
  return d;
}
