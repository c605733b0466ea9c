/**
 * The consent register of one demo case (regisseur subgraph): the hand-over consent every case has
 * from BEMIDDELING on, a new one after a warm hand-over, a renewal when a long case outlives a year,
 * targeted health consents for a selected or matched corporation, profile consents for the linked
 * care provider — some valid, many expired by now, some withdrawn or objected to. Each consent is
 * a record with events (GEGEVEN, INGETROKKEN, BEZWAAR), exactly as the register writes them, and
 * respects its rules: at most one year, given in the past, recorded by gemeente or regisseur only.
 */
import { LEVENSDOMEINEN, type Doel, type Gegevenscategorie, type Partij, type Regio } from '../../schema/vocabulary.js';
import type { toestemmingGebeurtenissen, toestemmingen } from '../../subgraphs/regisseur/db/tables.js';
import type { ToestemmingVariant } from './fixed-cases.js';
import { DAG_MS } from './timeline.js';
import type { DemoTraject } from './traject.js';

export type ToestemmingRij = typeof toestemmingen.$inferInsert;
export type GebeurtenisRij = typeof toestemmingGebeurtenissen.$inferInsert;

export const regioOrganisatie = (r: Regio) => (r === 'NOORD_LIMBURG' ? 'regio-noord-limburg' : 'regio-midden-limburg');
import { gemeenteOrganisatie } from '../../schema/vocabulary.js';
export { gemeenteOrganisatie };

export interface Geef {
  readonly ontvangerPartij: Partij;
  readonly ontvangerOrganisatie: string | null;
  readonly casusoverlegId?: string;
  readonly categorieen: readonly Gegevenscategorie[];
  readonly doel: Doel;
  readonly dag: number;
  readonly geldigDagen: number;
  readonly vastgelegdDoor: string;
  readonly intrekking?: { readonly dag: number; readonly soort: 'INGETROKKEN' | 'BEZWAAR'; readonly door: string; readonly toelichting: string };
}

export interface Register {
  readonly toestemmingen: ToestemmingRij[];
  readonly gebeurtenissen: GebeurtenisRij[];
  geef(g: Geef): ToestemmingRij;
}

/** A register for one case that writes consents the way `registreerToestemming` does. */
export function register(c: DemoTraject): Register {
  const out: Register = {
    toestemmingen: [],
    gebeurtenissen: [],
    geef: (g) => {
      if (g.geldigDagen > 365 || g.geldigDagen < 1) throw new Error('demo-data: a consent lasts at most one year');
      const gegevenOp = c.t.op(g.dag);
      const rij: ToestemmingRij = {
        id: c.rng.uuid(),
        trajectId: c.trajectId,
        ontvangerPartij: g.ontvangerPartij,
        ontvangerOrganisatie: g.ontvangerOrganisatie,
        casusoverlegId: g.casusoverlegId ?? null,
        categorieen: [...g.categorieen],
        doel: g.doel,
        richting: 'VERSTREKKEN',
        gegevenOp,
        geldigTot: new Date(Date.parse(gegevenOp) + g.geldigDagen * DAG_MS).toISOString(),
        ingetrokkenOp: g.intrekking ? c.t.op(g.intrekking.dag) : null,
        vastgelegdDoor: g.vastgelegdDoor,
        ondertekendDoor: c.keuzes.vertegenwoordigd ? 'WETTELIJK_VERTEGENWOORDIGER' : 'INWONER',
      };
      out.toestemmingen.push(rij);
      const { id: _id, trajectId: _t, ingetrokkenOp: _i, vastgelegdDoor: _v, ...inhoud } = rij;
      out.gebeurtenissen.push({
        id: c.rng.uuid(),
        toestemmingId: rij.id!,
        soort: 'GEGEVEN',
        op: new Date(Date.parse(gegevenOp) + 15 * 60_000).toISOString(),
        door: g.vastgelegdDoor,
        toelichting: null,
        inhoud: { trajectId: c.trajectId, ...inhoud },
      });
      if (g.intrekking) {
        out.gebeurtenissen.push({
          id: c.rng.uuid(),
          toestemmingId: rij.id!,
          soort: g.intrekking.soort,
          op: rij.ingetrokkenOp!,
          door: g.intrekking.door,
          toelichting: g.intrekking.toelichting,
          inhoud: null,
        });
      }
      return rij;
    },
  };
  return out;
}

/** What the regisseur may process after the hand-over, with health only when the resident agreed. */
function overdrachtCategorieen(metGezondheid: boolean): Gegevenscategorie[] {
  return ['IDENTITEIT', 'CONTACT', 'GEBOORTEDATUM', 'GESLACHT', ...LEVENSDOMEINEN, 'DOCUMENTEN', ...(metGezondheid ? (['GEZONDHEID'] as const) : [])];
}

/** A withdrawal or objection some days after the consent, always before today; none if there is no room. */
function intrekkingNa(c: DemoTraject, gegeven: number, geldig: number, soort: 'INGETROKKEN' | 'BEZWAAR', door: string, toelichting: string) {
  const laatste = Math.min(c.t.vandaag - 1, gegeven + geldig - 1);
  if (laatste < gegeven + 3) return undefined;
  return { dag: c.rng.int(gegeven + 3, laatste), soort, door, toelichting };
}

export function toestemmingenVan(c: DemoTraject): Register {
  const reg = register(c);
  const d = c.dagen;
  const b = c.t.bestemming;
  const gemeente = gemeenteOrganisatie(c.gemeente);
  const categorieen = overdrachtCategorieen(c.keuzes.overdrachtGezondheid);

  if (d.overdrachtToestemming !== undefined) {
    const terug = b.soort === 'AFGESLOTEN' && b.uitkomst === 'TERUGGETROKKEN' && d.overdracht !== undefined && c.rng.chance(0.5);
    reg.geef({
      ontvangerPartij: 'REGISSEUR',
      ontvangerOrganisatie: regioOrganisatie(c.regioStart),
      categorieen,
      doel: 'MATCH_BEMIDDELING',
      dag: d.overdrachtToestemming,
      geldigDagen: 365,
      vastgelegdDoor: gemeente,
      ...(terug && d.sluiting !== undefined && d.sluiting - 1 > d.overdrachtToestemming
        ? { intrekking: { dag: d.sluiting - 1, soort: 'INGETROKKEN' as const, door: regioOrganisatie(c.regio), toelichting: 'Inwoner trekt zich terug uit Woonkans en trekt de toestemming in.' } }
        : {}),
    });
    // A case still in mediation after a year gets its consent renewed (most do; some lapse).
    const open = c.t.fase === 'BEMIDDELING' || c.t.fase === 'CORPORATIEGESPREK' || c.t.fase === 'HUUROVEREENKOMST';
    const verloopt = d.overdrachtToestemming + 365;
    if (open && verloopt < c.t.vandaag && c.rng.chance(0.8)) {
      reg.geef({
        ontvangerPartij: 'REGISSEUR',
        ontvangerOrganisatie: regioOrganisatie(c.regio),
        categorieen,
        doel: 'MATCH_BEMIDDELING',
        dag: verloopt - c.rng.int(1, 14),
        geldigDagen: 365,
        vastgelegdDoor: regioOrganisatie(c.regio),
      });
    }
  }
  if (d.warmeToestemming !== undefined) {
    reg.geef({ ontvangerPartij: 'REGISSEUR', ontvangerOrganisatie: regioOrganisatie(c.regio), categorieen, doel: 'MATCH_BEMIDDELING', dag: d.warmeToestemming, geldigDagen: 365, vastgelegdDoor: gemeente });
  }

  if (d.selectie !== undefined && c.selecties.length > 0) {
    const vast = c.vast?.gezondheidWoonwenz;
    const variant: ToestemmingVariant | 'GEEN' | 'VANZELF' = c.vast
      ? (vast ?? 'GEEN')
      : !c.rng.chance(0.22)
        ? 'GEEN'
        : c.rng.weighted([
            ['INGETROKKEN', 15],
            ['BEZWAAR', 8],
            ['VANZELF', 77],
          ] as const);
    if (variant !== 'GEEN') {
      const ontvanger = vast ? 'woonwenz' : c.rng.chance(0.7) ? c.selecties[0]!.corporatie : c.rng.pick(c.selecties).corporatie;
      const geldig = c.vast?.gezondheidGeldigDagen ?? c.rng.int(90, 180);
      const intrekking =
        variant === 'INGETROKKEN'
          ? intrekkingNa(c, d.selectie, geldig, 'INGETROKKEN', regioOrganisatie(c.regio), 'Inwoner wil niet langer dat de corporatie gezondheidsgegevens ziet.')
          : variant === 'BEZWAAR'
            ? intrekkingNa(c, d.selectie, geldig, 'BEZWAAR', gemeente, 'Bezwaar van de inwoner tegen het verstrekken van gezondheidsgegevens aan de corporatie.')
            : undefined;
      reg.geef({
        ontvangerPartij: 'CORPORATIE',
        ontvangerOrganisatie: ontvanger,
        categorieen: ['GEZONDHEID'],
        doel: 'PASSENDE_WONING',
        dag: d.selectie,
        geldigDagen: geldig,
        vastgelegdDoor: regioOrganisatie(c.regio),
        ...(intrekking ? { intrekking } : {}),
      });
    }
  }

  if (d.matchToestemming !== undefined && c.gematcht && !c.vast && c.rng.chance(0.25)) {
    reg.geef({ ontvangerPartij: 'CORPORATIE', ontvangerOrganisatie: c.gematcht, categorieen: ['GEZONDHEID'], doel: 'HUUROVEREENKOMST_SLUITEN', dag: d.matchToestemming, geldigDagen: 120, vastgelegdDoor: regioOrganisatie(c.regio) });
  }

  if (d.huur !== undefined && c.gekoppeld && d.huur + 2 < c.t.vandaag && (c.vast?.code === 'WK-VENGH' || (!c.vast && c.rng.chance(0.4)))) {
    reg.geef({ ontvangerPartij: 'ZORGAANBIEDER', ontvangerOrganisatie: c.gekoppeld, categorieen: ['PROFIEL'], doel: 'DUURZAAM_WONEN', dag: d.huur + 2, geldigDagen: 365, vastgelegdDoor: regioOrganisatie(c.regio) });
  }
  return reg;
}
