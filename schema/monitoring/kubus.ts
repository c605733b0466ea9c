/**
 * One monitoring measure as a linked count table ("kubus"): rows for every gemeente (when the measure
 * is published per gemeente), both regio's and the total; columns for the leaf keys (months, phases)
 * and for the totals built from them (quarters, half-years, the year); optionally a breakdown (reasons)
 * of every column for the regio rows and the total.
 *
 * Why all of it in one table: gemeenten add up to their regio, regio's to the total, months to
 * quarters, quarters to half-years, half-years to the year, and the reasons to the same counts. Any
 * figure the API hands out for this measure — any period, any gemeente, one regio or both — is a cell
 * of this one table, suppressed as one linked system (`suppression.ts`), so no filter or second request
 * can be used to take a difference the suppression did not see.
 *
 * Rows that are never published (a measure shown only for the regio's) are left out instead of being
 * suppressed: an entry nobody can read cannot help to recompute another, and leaving it out saves
 * needless complements.
 */
import type { Regio } from '../vocabulary.js';
import { REGIOS } from '../vocabulary.js';
import { suppressLinked, type Relation } from './suppression.js';

export type RijSoort = 'GEMEENTE' | 'REGIO' | 'TOTAAL';

/** A published count as the GraphQL API carries it: `waarde` is `null` exactly when `onderdrukt`. */
export interface Cijfer {
  waarde: number | null;
  onderdrukt: boolean;
}

/** One counted unit (a case, or a conversation) and where it counts. */
export interface Telling {
  readonly gemeente: string;
  readonly regio: Regio;
  /** The leaf column: a month key, or a phase. */
  readonly kolom: string;
  /** The breakdown key; required when the kubus has a breakdown. */
  readonly uitsplitsing?: string;
  /** The case this unit belongs to: the people basis for primary suppression. */
  readonly persoon: number;
}

/** A column that is the sum of other columns (leaves or totals listed before it). */
export interface Kolomtotaal {
  readonly sleutel: string;
  readonly leden: readonly string[];
}

/** The shape of a kubus. */
export interface KubusOpties {
  /** The leaf columns, in order. */
  readonly kolommen: readonly string[];
  /** Totals of columns, each after the columns it sums. */
  readonly totalen?: readonly Kolomtotaal[];
  /**
   * Totals whose value other published tables already give away: treated as shown, never used as a
   * complement, and not published from this kubus.
   */
  readonly openbaar?: readonly string[];
  /** The breakdown keys, in order; when given every telling must carry one of them. */
  readonly uitsplitsingen?: readonly string[];
  /** Cells to hide whatever their value (`rij` is a row key): complements for links with other tables. */
  readonly verborgen?: readonly { readonly rij: string; readonly kolom: string }[];
  /** Every gemeente row, with the regio it adds up to; leave out when the measure is published per regio only. */
  readonly gemeenten?: readonly { readonly slug: string; readonly regio: Regio }[];
}

/** One row of a suppressed kubus. */
export interface KubusRij {
  readonly sleutel: string;
  readonly soort: RijSoort;
  /** The regio of a GEMEENTE or REGIO row. */
  readonly regio: Regio | null;
  /** Every column, leaves and totals. */
  readonly kolommen: Record<string, Cijfer>;
  /** Per column, per breakdown key; only for REGIO and TOTAAL rows of a kubus with a breakdown. */
  readonly uitsplitsing: Record<string, Record<string, Cijfer>>;
}

/** A suppressed kubus. */
export interface Kubus {
  readonly uitsplitsingen: readonly string[];
  readonly rijen: readonly KubusRij[];
}

/** Builds and suppresses one kubus. */
export function bouwKubus(tellingen: readonly Telling[], opties: KubusOpties, k: number): Kubus {
  const totalen = opties.totalen ?? [];
  const uitsplitsingen = opties.uitsplitsingen ?? [];
  const gemeenten = opties.gemeenten ?? [];
  const openbaar = new Set(opties.openbaar ?? []);
  const rijen: { sleutel: string; soort: RijSoort; regio: Regio | null }[] = [
    ...gemeenten.map((g) => ({ sleutel: g.slug, soort: 'GEMEENTE' as const, regio: g.regio })),
    ...REGIOS.map((r) => ({ sleutel: r, soort: 'REGIO' as const, regio: r })),
    { sleutel: 'totaal', soort: 'TOTAAL' as const, regio: null },
  ];
  const kolommen = [...opties.kolommen, ...totalen.map((t) => t.sleutel)];
  // The columns a leaf counts in: itself and every total that (through other totals) holds it.
  const bevat = new Map<string, string[]>(opties.kolommen.map((c) => [c, [c]]));
  for (const leaf of opties.kolommen) {
    const set = bevat.get(leaf) as string[];
    for (const t of totalen) if (t.leden.some((l) => set.includes(l))) set.push(t.sleutel);
  }

  const index = new Map<string, number>();
  const values: number[] = [];
  const people: Set<number>[] = [];
  const publiek: boolean[] = [];
  const entry = (rij: number, kolom: string, u?: string): number => {
    const key = `${rij}|${kolom}|${u ?? ''}`;
    let i = index.get(key);
    if (i === undefined) {
      i = values.length;
      index.set(key, i);
      values.push(0);
      people.push(new Set());
      publiek.push(u === undefined && openbaar.has(kolom));
    }
    return i;
  };
  const heeftUitsplitsing = (r: number): boolean => uitsplitsingen.length > 0 && rijen[r]?.soort !== 'GEMEENTE';
  rijen.forEach((_, r) => {
    for (const kolom of kolommen) {
      entry(r, kolom);
      if (heeftUitsplitsing(r)) for (const u of uitsplitsingen) entry(r, kolom, u);
    }
  });

  const rijIndex = (soort: RijSoort, sleutel: string): number => rijen.findIndex((x) => x.soort === soort && x.sleutel === sleutel);
  const totaalRij = rijen.length - 1;
  /** The cells one kind of count lands in (its gemeente, regio and total rows × its columns), worked out once per kind. */
  const cellenVan = (t: Telling): number[] => {
    const cols = bevat.get(t.kolom);
    if (!cols) throw new RangeError(`unknown column ${t.kolom}`);
    if (uitsplitsingen.length > 0 && (t.uitsplitsing === undefined || !uitsplitsingen.includes(t.uitsplitsing))) {
      throw new RangeError(`breakdown key missing or unknown: ${String(t.uitsplitsing)}`);
    }
    const gemeenteRij = rijIndex('GEMEENTE', t.gemeente);
    if (gemeenten.length > 0 && gemeenteRij === -1) throw new RangeError(`no GEMEENTE row for ${t.gemeente}`);
    const regio = rijen[gemeenteRij]?.regio ?? t.regio;
    const rows = [...(gemeenteRij === -1 ? [] : [gemeenteRij]), rijIndex('REGIO', regio), totaalRij];
    return rows.flatMap((r) => cols.flatMap((c) => [entry(r, c), ...(heeftUitsplitsing(r) ? [entry(r, c, t.uitsplitsing)] : [])]));
  };
  // Counts of one kind share their cells: 100k cases are a few hundred kinds, not 100k lookups of
  // every cell by its text key.
  const cellen = new Map<string, number[]>();
  for (const t of tellingen) {
    const soort = `${t.gemeente}|${t.regio}|${t.kolom}|${t.uitsplitsing ?? ''}`;
    let doel = cellen.get(soort);
    if (!doel) cellen.set(soort, (doel = cellenVan(t)));
    for (const i of doel) {
      values[i] = (values[i] as number) + 1;
      // Primary suppression asks only whether fewer than k people are behind a cell: k of them
      // settle it (the totals would otherwise keep a set of every case, per measure and year).
      const mensen = people[i]!;
      if (mensen.size < k) mensen.add(t.persoon);
    }
  }

  const relations: Relation[] = [];
  const regioRijen = rijen.flatMap((x, r) => (x.soort === 'REGIO' ? [r] : []));
  rijen.forEach((_, r) => {
    for (const u of [undefined, ...(heeftUitsplitsing(r) ? uitsplitsingen : [])]) {
      for (const t of totalen) relations.push({ members: t.leden.map((c) => entry(r, c, u)), total: entry(r, t.sleutel, u) });
    }
    if (heeftUitsplitsing(r)) for (const c of kolommen) relations.push({ members: uitsplitsingen.map((u) => entry(r, c, u)), total: entry(r, c) });
  });
  for (const kolom of kolommen) {
    for (const regioRij of regioRijen) {
      const leden = rijen.flatMap((x, r) => (x.soort === 'GEMEENTE' && x.regio === rijen[regioRij]?.regio ? [r] : []));
      if (leden.length > 0) relations.push({ members: leden.map((r) => entry(r, kolom)), total: entry(regioRij, kolom) });
    }
    for (const u of [undefined, ...uitsplitsingen]) {
      relations.push({ members: regioRijen.map((r) => entry(r, kolom, u)), total: entry(totaalRij, kolom, u) });
    }
  }

  const verborgen = values.map(() => false);
  for (const v of opties.verborgen ?? []) verborgen[entry(rijen.findIndex((x) => x.sleutel === v.rij), v.kolom)] = true;
  // A basis is the number of people up to k: all that `suppressLinked` compares it with.
  const hidden = suppressLinked({ values, bases: people.map((p) => p.size), relations, publiek, verborgen }, k);
  const cijfer = (r: number, kolom: string, u?: string): Cijfer => {
    const i = entry(r, kolom, u);
    return hidden[i] ? { waarde: null, onderdrukt: true } : { waarde: values[i] as number, onderdrukt: false };
  };
  const gepubliceerd = kolommen.filter((c) => !openbaar.has(c));
  return {
    uitsplitsingen: [...uitsplitsingen],
    rijen: rijen.map((rij, r) => ({
      ...rij,
      kolommen: Object.fromEntries(gepubliceerd.map((c) => [c, cijfer(r, c)])),
      uitsplitsing: heeftUitsplitsing(r)
        ? Object.fromEntries(gepubliceerd.map((c) => [c, Object.fromEntries(uitsplitsingen.map((u) => [u, cijfer(r, c, u)]))]))
        : {},
    })),
  };
}

/** The row of a kubus, or throws: callers only ask for rows they created. */
export function rij(kubus: Kubus, soort: RijSoort, sleutel = 'totaal'): KubusRij {
  const found = kubus.rijen.find((x) => x.soort === soort && x.sleutel === sleutel);
  if (!found) throw new RangeError(`no ${soort} row ${sleutel}`);
  return found;
}
