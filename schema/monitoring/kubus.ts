/**
 * One monitoring measure as a linked count table ("kubus"): rows for every gemeente, regio, partner and
 * the total; columns for every period (optionally grouped into years) and the total; optionally a
 * breakdown (reasons, gemeente of housing) for the regio rows and the total.
 *
 * Why all of it in one table: gemeenten add up to their regio, regio's and partners each add up to the
 * total, periods add up to years and to the range total, and the reasons add up to the same total. If
 * these views were suppressed separately, a number hidden in one could be recomputed from another
 * (e.g. the one gemeente hidden in a regio, from the regio row). Suppressing them as one linked system
 * means any view the API hands out — per period, per gemeente, one regio only — comes from the same
 * suppression pattern, so a filter cannot be used to take the difference.
 */
import type { Regio } from '../vocabulary.js';
import { REGIOS } from '../vocabulary.js';
import { suppressLinked, type Relation } from './suppression.js';

/** The row key for cases registered without a care partner (the resident applied themself). */
export const ZONDER_PARTNER = 'zonder-partner';

export type RijSoort = 'GEMEENTE' | 'REGIO' | 'PARTNER' | 'TOTAAL';

/** A published count as the GraphQL API carries it: `waarde` is `null` exactly when `onderdrukt`. */
export interface Cijfer {
  waarde: number | null;
  onderdrukt: boolean;
}

/** One counted unit (a case, or a conversation) and where it counts. */
export interface Telling {
  readonly gemeente: string;
  readonly regio: Regio;
  readonly partner: string | null;
  /** The column: a period key, or e.g. a phase. */
  readonly kolom: string;
  /** The breakdown key; required when the kubus has a breakdown. */
  readonly uitsplitsing?: string;
  /** The case this unit belongs to: the people basis for primary suppression. */
  readonly persoon: number;
}

/** The shape of a kubus. */
export interface KubusOpties {
  /** The leaf columns, in order. */
  readonly kolommen: readonly string[];
  /** Groups of leaf columns (years); leave out when there is only one group. */
  readonly groepen?: readonly { readonly sleutel: string; readonly kolommen: readonly string[] }[];
  /** The breakdown keys, in order; when given every telling must carry one of them. */
  readonly uitsplitsingen?: readonly string[];
  /** Every gemeente row, with the regio it adds up to. */
  readonly gemeenten: readonly { readonly slug: string; readonly regio: Regio }[];
  /** Every partner row (use {@link ZONDER_PARTNER} for `null`). */
  readonly partners: readonly string[];
}

/** One row of a suppressed kubus. */
export interface KubusRij {
  readonly sleutel: string;
  readonly soort: RijSoort;
  /** The regio of a GEMEENTE or REGIO row. */
  readonly regio: Regio | null;
  readonly kolommen: Record<string, Cijfer>;
  readonly groepen: Record<string, Cijfer>;
  readonly totaal: Cijfer;
  /** Only for REGIO and TOTAAL rows when the kubus has a breakdown. */
  readonly uitsplitsing: Record<string, Cijfer>;
}

/** A suppressed kubus. */
export interface Kubus {
  readonly kolommen: readonly string[];
  readonly groepen: readonly string[];
  readonly uitsplitsingen: readonly string[];
  readonly rijen: readonly KubusRij[];
}

const TOTAAL = '\u0000totaal';

/** Builds and suppresses one kubus. */
export function bouwKubus(tellingen: readonly Telling[], opties: KubusOpties, k: number): Kubus {
  const groepen = opties.groepen && opties.groepen.length > 1 ? opties.groepen : [];
  const uitsplitsingen = opties.uitsplitsingen ?? [];
  const rijen: { sleutel: string; soort: RijSoort; regio: Regio | null }[] = [
    ...opties.gemeenten.map((g) => ({ sleutel: g.slug, soort: 'GEMEENTE' as const, regio: g.regio })),
    ...REGIOS.map((r) => ({ sleutel: r, soort: 'REGIO' as const, regio: r })),
    ...opties.partners.map((p) => ({ sleutel: p, soort: 'PARTNER' as const, regio: null })),
    { sleutel: 'totaal', soort: 'TOTAAL' as const, regio: null },
  ];
  const kolommen = [...opties.kolommen, ...groepen.map((g) => g.sleutel), TOTAAL];
  const groepVan = new Map<string, string>();
  for (const g of groepen) for (const kolom of g.kolommen) groepVan.set(kolom, g.sleutel);
  if (groepen.length > 0 && (groepVan.size !== opties.kolommen.length || opties.kolommen.some((c) => !groepVan.has(c)))) {
    throw new RangeError('every column must belong to exactly one group');
  }

  const index = new Map<string, number>();
  const values: number[] = [];
  const people: Set<number>[] = [];
  const entry = (rij: number, kolom: string): number => {
    const key = `${rij}|${kolom}`;
    let i = index.get(key);
    if (i === undefined) {
      i = values.length;
      index.set(key, i);
      values.push(0);
      people.push(new Set());
    }
    return i;
  };
  const heeftUitsplitsing = (soort: RijSoort): boolean => uitsplitsingen.length > 0 && (soort === 'REGIO' || soort === 'TOTAAL');
  rijen.forEach((rij, r) => {
    for (const kolom of kolommen) entry(r, kolom);
    if (heeftUitsplitsing(rij.soort)) for (const u of uitsplitsingen) entry(r, `u:${u}`);
  });

  const rijIndex = (soort: RijSoort, sleutel: string): number => {
    const r = rijen.findIndex((x) => x.soort === soort && x.sleutel === sleutel);
    if (r === -1) throw new RangeError(`no ${soort} row for ${sleutel}`);
    return r;
  };
  const totaalRij = rijen.length - 1;
  for (const t of tellingen) {
    if (!opties.kolommen.includes(t.kolom)) throw new RangeError(`unknown column ${t.kolom}`);
    const gemeenteRij = rijIndex('GEMEENTE', t.gemeente);
    const regioRij = rijIndex('REGIO', rijen[gemeenteRij]?.regio ?? t.regio);
    const rows = [gemeenteRij, regioRij, rijIndex('PARTNER', t.partner ?? ZONDER_PARTNER), totaalRij];
    const cols = [t.kolom, ...(groepVan.has(t.kolom) ? [groepVan.get(t.kolom) as string] : []), TOTAAL];
    const targets = rows.flatMap((r) => cols.map((c) => entry(r, c)));
    if (uitsplitsingen.length > 0) {
      if (t.uitsplitsing === undefined || !uitsplitsingen.includes(t.uitsplitsing)) {
        throw new RangeError(`breakdown key missing or unknown: ${String(t.uitsplitsing)}`);
      }
      targets.push(entry(regioRij, `u:${t.uitsplitsing}`), entry(totaalRij, `u:${t.uitsplitsing}`));
    }
    for (const i of targets) {
      values[i] = (values[i] as number) + 1;
      people[i]?.add(t.persoon);
    }
  }

  const relations: Relation[] = [];
  rijen.forEach((rij, r) => {
    if (groepen.length > 0) {
      for (const g of groepen) relations.push({ members: g.kolommen.map((c) => entry(r, c)), total: entry(r, g.sleutel) });
      relations.push({ members: groepen.map((g) => entry(r, g.sleutel)), total: entry(r, TOTAAL) });
    } else {
      relations.push({ members: opties.kolommen.map((c) => entry(r, c)), total: entry(r, TOTAAL) });
    }
    if (heeftUitsplitsing(rij.soort)) {
      relations.push({ members: uitsplitsingen.map((u) => entry(r, `u:${u}`)), total: entry(r, TOTAAL) });
    }
  });
  const regioRijen = rijen.flatMap((x, r) => (x.soort === 'REGIO' ? [r] : []));
  const partnerRijen = rijen.flatMap((x, r) => (x.soort === 'PARTNER' ? [r] : []));
  const lines = (kolom: string): void => {
    for (const regioRij of regioRijen) {
      const leden = rijen.flatMap((x, r) => (x.soort === 'GEMEENTE' && x.regio === rijen[regioRij]?.regio ? [r] : []));
      relations.push({ members: leden.map((r) => entry(r, kolom)), total: entry(regioRij, kolom) });
    }
    relations.push({ members: regioRijen.map((r) => entry(r, kolom)), total: entry(totaalRij, kolom) });
    relations.push({ members: partnerRijen.map((r) => entry(r, kolom)), total: entry(totaalRij, kolom) });
  };
  for (const kolom of kolommen) lines(kolom);
  for (const u of uitsplitsingen) {
    relations.push({ members: regioRijen.map((r) => entry(r, `u:${u}`)), total: entry(totaalRij, `u:${u}`) });
  }

  const hidden = suppressLinked({ values, bases: people.map((p) => p.size), relations }, k);
  const cijfer = (r: number, kolom: string): Cijfer => {
    const i = entry(r, kolom);
    return hidden[i] ? { waarde: null, onderdrukt: true } : { waarde: values[i] as number, onderdrukt: false };
  };
  return {
    kolommen: [...opties.kolommen],
    groepen: groepen.map((g) => g.sleutel),
    uitsplitsingen: [...uitsplitsingen],
    rijen: rijen.map((rij, r) => ({
      ...rij,
      kolommen: Object.fromEntries(opties.kolommen.map((c) => [c, cijfer(r, c)])),
      groepen: Object.fromEntries(groepen.map((g) => [g.sleutel, cijfer(r, g.sleutel)])),
      totaal: cijfer(r, TOTAAL),
      uitsplitsing: heeftUitsplitsing(rij.soort) ? Object.fromEntries(uitsplitsingen.map((u) => [u, cijfer(r, `u:${u}`)])) : {},
    })),
  };
}

/** The row of a kubus, or throws: callers only ask for rows they created. */
export function rij(kubus: Kubus, soort: RijSoort, sleutel = 'totaal'): KubusRij {
  const found = kubus.rijen.find((x) => x.soort === soort && x.sleutel === sleutel);
  if (!found) throw new RangeError(`no ${soort} row ${sleutel}`);
  return found;
}
