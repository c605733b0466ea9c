/**
 * Test-only builders shared by the `*.test.ts` files of this folder (not re-exported by index.ts):
 * a claim form and case facts that meet every rule, and small ledgers, so each test states only the
 * one thing it changes.
 */
import type { Aanvraag } from './aanvraag.js';
import type { AanvraagFormulier, TrajectFeiten } from './claims.js';
import type { Bijdrage } from './contributions.js';
import { entryId, type LedgerEntry } from './ledger.js';

/** A form that meets every rule: € 1.500 of costs against a € 600 deposit. */
export function validFormulier(overrides: Partial<AanvraagFormulier> = {}): AanvraagFormulier {
  return {
    trajectCode: 'WK-2024-017',
    corporatie: 'woonwenz',
    datumBeeindiging: '2024-11-01',
    soortBeeindiging: 'ONTRUIMD',
    borgCents: 60_000,
    kostenposten: [
      { soort: 'HUURACHTERSTAND_HUURDERVING', cents: 90_000, bewijs: 'huuradministratie mrt–okt 2024' },
      { soort: 'ONTRUIMINGSKOSTEN', cents: 60_000, bewijs: 'factuur deurwaarder 2024-311' },
    ],
    besprokenInOverlegOp: '2024-11-12',
    evaluatie: 'Signalen over huurachterstand kwamen laat; afspraak: eerder escaleren naar de casusregisseur.',
    contactpersoonRol: 'verhuurconsulent',
    ...overrides,
  };
}

/** Facts of a case whose matched corporation is woonwenz and whose lease ended negatively. */
export function validFeiten(overrides: Partial<TrajectFeiten> = {}): TrajectFeiten {
  return {
    caseCorporation: 'woonwenz',
    caseOutcome: 'HUUR_BEEINDIGD_NEGATIEF',
    negligenceRecorded: false,
    alreadyClaimed: false,
    ...overrides,
  };
}

/** A claim record in any status, for ledger and decision tests. */
export function claim(overrides: Partial<Aanvraag> = {}): Aanvraag {
  return {
    id: 'A-1',
    formulier: validFormulier(),
    bedragCents: 150_000,
    status: 'GOEDGEKEURD',
    bevindingen: [],
    ingediendOp: '2024-11-13T09:00:00Z',
    ...overrides,
  };
}

export function bijdrage(slug: string, cents: number, kind: Bijdrage['kind'] = 'GEMEENTE'): Bijdrage {
  return { kind, slug, cents };
}

/** A ledger of contributions, one per (slug, cents) pair, all from gemeenten. */
export function ledgerOf(...amounts: readonly (readonly [string, number])[]): readonly LedgerEntry[] {
  return amounts.map(([slug, cents], i) => ({
    id: entryId('BIJDRAGE', i + 1),
    kind: 'BIJDRAGE',
    cents,
    party: { kind: 'GEMEENTE', slug },
    at: '2024-04-15T00:00:00Z',
  }));
}
