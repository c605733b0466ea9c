/**
 * The dosing vocabulary as SDL. Subgraphs import these constants and never retype them, so every
 * subgraph declares the same directive and enums, and composition keeps them (`@composeDirective`).
 */
import { DOELEN, FASEN, GEGEVENSCATEGORIEEN, GRONDSLAGEN, PARTIJEN, REGIOS } from './vocabulary.js';

export const DOSERING_DIRECTIVE = 'dosering';
/** The other half of the closed world: a field that says nothing about a person, and why. */
export const PERSOONSVRIJ_DIRECTIVE = 'geenPersoonsgegeven';
export const DOSERING_SPEC_URL = 'https://woonkans.nl/dosering/v1.0';

const enumSdl = (name: string, values: readonly string[], description: string): string =>
  `"""${description}"""\nenum ${name} {\n${values.map((v) => `  ${v}`).join('\n')}\n}`;

/** The enums of the public contract (DESIGN §6) and of the directive's arguments. */
export const VOCABULARY_SDL = [
  enumSdl('Partij', PARTIJEN, 'The parties that call Woonkans (DESIGN §2).'),
  enumSdl('Fase', FASEN, 'The phases of the routeplanner, in order.'),
  enumSdl('Regio', REGIOS, 'The two Woonkans regions.'),
  enumSdl('Gegevenscategorie', GEGEVENSCATEGORIEEN, 'Categories of personal data the dosing policy speaks of.'),
  enumSdl('Grondslag', GRONDSLAGEN, 'Legal bases for processing.'),
  enumSdl('Doel', DOELEN, 'Purposes of processing.'),
].join('\n\n');

/**
 * `@dosering` declares, on a field or on a whole type, the data category it carries, the legal basis
 * on which its owner processes it and the purpose. Who may see it follows from the policy table.
 */
export const DOSERING_DIRECTIVE_SDL = `
"""Personal data: category, legal basis and purpose. Who may resolve it follows from the dosing policy."""
directive @${DOSERING_DIRECTIVE}(categorie: Gegevenscategorie!, grondslag: Grondslag!, doel: Doel!) on FIELD_DEFINITION | OBJECT

"""Carries nothing about a person; \`reden\` says why, and the register of processing lists it."""
directive @${PERSOONSVRIJ_DIRECTIVE}(reden: String!) on FIELD_DEFINITION | OBJECT
`;

/** The `@link` header every subgraph starts with. */
export function subgraphHeader(federationImports: readonly string[]): string {
  const fed = ['@key', '@composeDirective', ...federationImports].map((d) => `"${d}"`).join(', ');
  return `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.6", import: [${fed}])
  @link(url: "${DOSERING_SPEC_URL}", import: ["@${DOSERING_DIRECTIVE}", "@${PERSOONSVRIJ_DIRECTIVE}"])
  @composeDirective(name: "@${DOSERING_DIRECTIVE}")
  @composeDirective(name: "@${PERSOONSVRIJ_DIRECTIVE}")
`;
}
