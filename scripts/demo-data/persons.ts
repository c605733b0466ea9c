/**
 * Synthetic residents: names from short lists, BSNs in the government's test range, and contact
 * data that is fake on sight (phones 06-0000xxxx, e-mail at voorbeeld.nl). Nothing here describes a
 * real person; a name that happens to exist is a coincidence of common Dutch names.
 */
import type { GemeenteSlug } from '../../schema/vocabulary.js';
import { GEO, STRATEN } from './geography.js';
import type { Rng } from './prng.js';

const VOORNAMEN_MAN = [
  'Bram', 'Daan', 'Luuk', 'Thijs', 'Sem', 'Jeroen', 'Mark', 'Rob', 'Sjors', 'Twan', 'Ruud', 'Frank',
  'Jos', 'Harrie', 'Mehmet', 'Youssef', 'Piotr', 'Kevin', 'Dennis', 'Stefan', 'Niels', 'Gijs', 'Wim', 'Ivo',
] as const;
const VOORNAMEN_VROUW = [
  'Sanne', 'Lotte', 'Fleur', 'Iris', 'Noor', 'Eva', 'Anouk', 'Kim', 'Linda', 'Marieke', 'Els', 'Ingrid',
  'Yvonne', 'Petra', 'Fatima', 'Aylin', 'Agnieszka', 'Chantal', 'Demi', 'Romy', 'Maud', 'Esther', 'Mieke', 'Joyce',
] as const;
const ACHTERNAMEN = [
  'Janssen', 'Peeters', 'Hendriks', 'Willems', 'Smeets', 'Verheijen', 'Gielen', 'Jacobs', 'Cuppen', 'Hermans',
  'Vossen', 'Thijssen', 'Bouten', 'Linssen', 'Driessen', 'Coenen', 'Geurts', 'Houben', 'Schreurs', 'Wijnen',
  'de Boer', 'van Dijk', 'Bakker', 'Visser', 'Mulder', 'Meijer', 'Pijnenburg', 'Verstappen', 'van den Berg',
  'Kurvers', 'Poels', 'Steeghs', 'Yilmaz', 'El Amrani', 'Kaya', 'Nowak', 'Bakir', 'Kessels', 'Arts', 'Jeurissen',
] as const;

export type Geslacht = 'man' | 'vrouw' | 'x';

export interface Persoon {
  readonly naam: string;
  readonly geslacht: Geslacht;
  readonly geboortedatum: string;
  readonly bsn: string;
  readonly adres: string | null;
  readonly telefoon: string | null;
  readonly email: string | null;
}

/** The BSN's eleven test: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11. */
export function elfproef(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  const d = [...bsn].map(Number);
  const sum = d.slice(0, 8).reduce((s, x, i) => s + x * (9 - i), 0) - d[8]!;
  return sum % 11 === 0;
}

/**
 * A BSN of the form 999xxxxxx that passes the eleven test: the range the government's own test
 * numbers live in (they start with 999), so a demo number is never mistaken for a real person's.
 */
export function testBsn(rng: Rng): string {
  for (;;) {
    const digits = [9, 9, 9, rng.int(0, 9), rng.int(0, 9), rng.int(0, 9), rng.int(0, 9), rng.int(0, 9)];
    const check = digits.reduce((s, x, i) => s + x * (9 - i), 0) % 11;
    if (check === 10) continue;
    return [...digits, check].join('');
  }
}

/** A postcode with two letters; Dutch postcodes never use SA, SD or SS. */
function postcode(rng: Rng, cijfers: number): string {
  const letters = 'ABCDEFGHJKLMNPRSTVWXZ';
  for (;;) {
    const l = `${rng.pick([...letters])}${rng.pick([...letters])}`;
    if (!['SA', 'SD', 'SS'].includes(l)) return `${cijfers} ${l}`;
  }
}

/** A plausible address in one of the gemeente's villages (or the given one), from the short street list. */
export function adresIn(rng: Rng, gemeente: GemeenteSlug, kern?: string): string {
  const geo = GEO[gemeente];
  const huisnummer = `${rng.int(1, 140)}${rng.chance(0.12) ? rng.pick(['a', 'b', 'c']) : ''}`;
  return `${rng.pick(STRATEN)} ${huisnummer}, ${postcode(rng, rng.pick(geo.postcodes))} ${kern ?? rng.pick(geo.kernen)}`;
}

function email(rng: Rng, voornaam: string, achternaam: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '');
  return `${clean(voornaam)}.${clean(achternaam)}${rng.int(10, 99)}@voorbeeld.nl`;
}

export interface PersoonOpties {
  readonly gemeente: GemeenteSlug;
  /** Date of registration; the age is counted from it. */
  readonly aangemeldOp: Date;
  /** Young adults (18–27) are a target group of their own. */
  readonly jongere: boolean;
  /** Without a home: a postal address (briefadres) instead of a home address, or none. */
  readonly zonderWoning: boolean;
}

export function maakPersoon(rng: Rng, o: PersoonOpties): Persoon {
  const geslacht: Geslacht = rng.weighted([
    ['man', 62],
    ['vrouw', 36],
    ['x', 2],
  ]);
  const voornaam = geslacht === 'vrouw' ? rng.pick(VOORNAMEN_VROUW) : geslacht === 'man' ? rng.pick(VOORNAMEN_MAN) : rng.pick(['Robin', 'Sasha', 'Kai', 'Noa']);
  const achternaam = rng.pick(ACHTERNAMEN);
  const leeftijd = o.jongere ? rng.int(18, 26) : rng.weighted([
    [rng.int(27, 35), 40],
    [rng.int(36, 50), 40],
    [rng.int(51, 66), 20],
  ]);
  const geboren = new Date(o.aangemeldOp);
  geboren.setUTCFullYear(geboren.getUTCFullYear() - leeftijd - 1);
  geboren.setUTCDate(geboren.getUTCDate() + rng.int(1, 360));
  const adres = o.zonderWoning
    ? rng.chance(0.7)
      ? `Briefadres: ${adresIn(rng, o.gemeente)}`
      : null
    : adresIn(rng, o.gemeente);
  return {
    naam: `${voornaam} ${achternaam}`,
    geslacht,
    geboortedatum: geboren.toISOString().slice(0, 10),
    bsn: testBsn(rng),
    adres,
    telefoon: rng.chance(0.92) ? `06-0000${String(rng.int(0, 9999)).padStart(4, '0')}` : null,
    email: rng.chance(0.75) ? email(rng, voornaam, achternaam) : null,
  };
}
