/**
 * The parties that pay into the fund (art. 7.2: "Iedere Partij is verplicht een bijdrage te doen"):
 * gemeenten, woningcorporaties and zorg- en welzijnsaanbieders, each by the slug of the shared
 * vocabulary. A slug is a plain string here, not the vocabulary's literal union, because a party may
 * join later (art. 9) before the vocabulary knows it.
 */
import { CORPORATIES, GEMEENTEN, ZORGAANBIEDERS, type Partij } from '../../../schema/vocabulary.js';

export const DEELNEMER_SOORTEN = ['GEMEENTE', 'CORPORATIE', 'ZORGAANBIEDER'] as const satisfies readonly Partij[];
export type DeelnemerSoort = (typeof DEELNEMER_SOORTEN)[number];

/** A participating party of the fund: its kind and its organisation slug. */
export interface Deelnemer {
  readonly kind: DeelnemerSoort;
  readonly slug: string;
}

/**
 * A stable string key for a party ("GEMEENTE:venlo"), used as the key of a distribution and in
 * maps; kind is part of the key because nothing stops two kinds of party from sharing a slug.
 */
export function partyKey(party: Deelnemer): string {
  return `${party.kind}:${party.slug}`;
}

/** True when the value is a well-formed party: a known kind and a non-blank slug without a colon. */
export function isDeelnemer(value: Deelnemer): boolean {
  return (
    (DEELNEMER_SOORTEN as readonly string[]).includes(value.kind) &&
    typeof value.slug === 'string' &&
    value.slug.trim() === value.slug &&
    value.slug.length > 0 &&
    !value.slug.includes(':')
  );
}

/**
 * The parties of the agreement as it stands in the shared vocabulary: 13 gemeenten, 8 corporations
 * and the care providers. The default participant list for a contribution round; a real round passes
 * the parties participating at that moment.
 */
export const ALLE_DEELNEMERS: readonly Deelnemer[] = [
  ...Object.keys(GEMEENTEN).map((slug): Deelnemer => ({ kind: 'GEMEENTE', slug })),
  ...CORPORATIES.map((slug): Deelnemer => ({ kind: 'CORPORATIE', slug })),
  ...ZORGAANBIEDERS.map((slug): Deelnemer => ({ kind: 'ZORGAANBIEDER', slug })),
];
