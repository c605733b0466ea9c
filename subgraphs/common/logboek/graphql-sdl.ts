/**
 * The log's read side as federated SDL, added to every subgraph's own schema by `subgraphTypeDefs`.
 *
 * Each organisation keeps its own Logboek Dataverwerkingen, so no subgraph can answer for another:
 * the resident's overview (`Inzage`) and the privacy officer's view (`Toezicht`) are entities keyed
 * by an opaque `sleutel`, and every subgraph contributes one field named after itself. The regisseur
 * is the entry point (`Query.mijnInzage`, `Query.toezicht`) because it holds the routeplanner: the
 * resident's cases and the period go into the `sleutel`, which no subgraph trusts (see `sleutel.ts`).
 *
 * The page and row types are value types declared identically in every subgraph (`@shareable`).
 * Categories, purposes and bases are strings, not the vocabulary's enums: a log row is kept for up
 * to fifteen years and must stay readable after the vocabulary changes.
 */

/** The subgraph that holds the resident's cases and so serves the entry points. */
export const LOGBOEK_INGANG = 'regisseur';

/** Federation directives the log's SDL needs beyond `@key`. */
export const LOGBOEK_FEDERATION_IMPORTS = ['@shareable'] as const;

/** Names of the entity types, also used to find out whether a schema carries the log's SDL. */
export const INZAGE_TYPE = 'Inzage';
export const TOEZICHT_TYPE = 'Toezicht';

/** The field names a subgraph contributes: the subgraph's own name, and two derived from it. */
export function logboekVelden(subgraph: string) {
  return { log: subgraph, jaarverslag: `${subgraph}Jaarverslag`, audit: `${subgraph}Audit` } as const;
}

const PLAIN_NAME = /^[a-z][a-zA-Z0-9]*$/;

const SHARED_TYPES = `
"One page of the resident's overview, newest first."
type InzagePagina @shareable @geenPersoonsgegeven(reden: "The resident's own overview (AVG art. 15): served to the resident alone, under a key every organisation checks again; it names organisations, fields and bases, never a value.") {
  regels: [InzageRegel!]!
  "Pass as \`na\` for the next page; null on the last page."
  volgende: String
}

"One access to the resident's data: which organisation, what, when, why and on which basis. Never the employee."
type InzageRegel @shareable @geenPersoonsgegeven(reden: "The resident's own overview (AVG art. 15): served to the resident alone, under a key every organisation checks again; it names organisations, fields and bases, never a value.") {
  "When (ISO 8601, UTC)."
  tijdstip: String!
  "The organisation that accessed the data (for the resident's own accesses: \\"zelf\\")."
  organisatie: String!
  partij: Partij!
  "The case's code, when the access concerned one of the resident's cases."
  trajectCode: String
  "The fields (Type.veld) that were read."
  velden: [String!]!
  "Data categories (values of Gegevenscategorie at the time of access)."
  categorieen: [String!]!
  "Purpose (a value of Doel at the time of access)."
  doel: String!
  "Legal basis (a value of Grondslag), e.g. TOESTEMMING or CONFLICT_VAN_PLICHTEN."
  grondslag: String!
  "True when shared without the resident's consent by a recorded conflict van plichten."
  zonderToestemming: Boolean!
}

"One page of processing records for the privacy officer, newest first."
type ToezichtPagina @shareable @geenPersoonsgegeven(reden: "Log metadata for the privacy officer: pseudonymous, never a personal value of a resident (DESIGN §2, TOEZICHT).") {
  regels: [ToezichtRegel!]!
  "Pass as \`na\` for the next page; null on the last page."
  volgende: String
}

"A processing record's metadata: never a personal value, never the data subject, never the employee."
type ToezichtRegel @shareable @geenPersoonsgegeven(reden: "Log metadata for the privacy officer: pseudonymous, never a personal value of a resident (DESIGN §2, TOEZICHT).") {
  "Position in this organisation's hash chain."
  seq: Int!
  tijdstip: String!
  partij: Partij!
  organisatie: String!
  "The processing activity in the register of processing: subgraph:categorie:doel."
  verwerkingsactiviteitId: String!
  velden: [String!]!
  categorieen: [String!]!
  "False for a refusal (nothing was disclosed)."
  toegestaan: Boolean!
  "Why it was refused (PARTIJ, RELATIE, FASE, TOESTEMMING, CONTEXT_ONBESCHIKBAAR)."
  reden: String
  grondslag: String!
  doel: String!
  fase: String
  relatie: String
  toestemmingId: String
  doorbrekingId: String
  "Follow one partner request across the organisations' logs."
  traceId: String!
  spanId: String!
  parentSpanId: String
}

"Who performed one request (for the privacy officer following up a record; looked up by trace id only)."
type AuditRegel @shareable @geenPersoonsgegeven(reden: "Names the employee who performed a request, for the privacy officer following up one record; never a resident.") {
  tijdstip: String!
  "The user's subject identifier as the organisation's identity provider issued it."
  sub: String!
  partij: Partij!
  organisatie: String!
  rol: String
  operationName: String
  traceId: String!
  spanId: String!
}

"Yearly counts of one organisation's log (seed 004): counts only, over the rows retention has kept."
type Jaarverslag @shareable @geenPersoonsgegeven(reden: "Counts for the yearly account (seed 004): never a case or a person.") {
  jaar: Int!
  "From 1 January 00:00 Dutch time (inclusive)."
  van: String!
  "To the next 1 January (exclusive)."
  tot: String!
  conflictVanPlichten: ConflictVanPlichtenTelling!
  weigeringenPerPartij: [PerPartij!]!
  toegangPerPartij: [PerPartij!]!
}

"Processing without consent by a recorded conflict van plichten."
type ConflictVanPlichtenTelling @shareable @geenPersoonsgegeven(reden: "Counts for the yearly account (seed 004): never a case or a person.") {
  verwerkingen: Int!
  trajecten: Int!
  doorbrekingen: Int!
}

type PerPartij @shareable @geenPersoonsgegeven(reden: "Counts for the yearly account (seed 004): never a case or a person.") {
  partij: String!
  aantal: Int!
}
`;

const INGANG_SDL = `
extend type Query {
  "The resident's overview of who accessed their data (AVG art. 15): INWONER only, others get null. Period: ISO 8601 dates or times, \`tot\` exclusive."
  mijnInzage(
    "From (inclusive): an ISO 8601 date (YYYY-MM-DD) or moment with offset; leave it out for the start of the log."
    van: String
    "Until (exclusive): an ISO 8601 date or moment with offset; leave it out for no end."
    tot: String
  ): Inzage
  "The privacy officer's view of every organisation's log: TOEZICHT only, others get null."
  toezicht(
    "From (inclusive): an ISO 8601 date (YYYY-MM-DD) or moment with offset; leave it out for the start of the log."
    van: String
    "Until (exclusive): an ISO 8601 date or moment with offset; leave it out for no end."
    tot: String
  ): Toezicht
}

"The regisseur's yearly account of processing without consent and of objections (seed 004)."
type DoorbrekingenJaarverslag @geenPersoonsgegeven(reden: "Counts for the yearly account (seed 004): never a case or a person.") {
  jaar: Int!
  "Overrides (conflict van plichten) recorded in the year."
  doorbrekingen: Int!
  "Distinct cases shared without consent."
  trajecten: Int!
  "Overrides per receiving party."
  perOntvanger: [PerPartij!]!
  "How often each of the six criteria was recorded as met (all six are required)."
  criteria: [PerCriterium!]!
  "Overrides of which the resident was told."
  inwonerGeinformeerd: Int!
  "Overrides of the year the privacy officer has reviewed, and those still awaiting review."
  beoordeeld: Int!
  terBeoordeling: Int!
  "Objections (bezwaar) against consent records made in the year."
  bezwaren: Int!
}

type PerCriterium @geenPersoonsgegeven(reden: "Counts for the yearly account (seed 004): never a case or a person.") {
  criterium: String!
  aantal: Int!
}
`;

/**
 * The log's SDL for one subgraph: the two entities with this subgraph's fields, the shared value
 * types and — for the entry subgraph — the root fields and the regisseur's own yearly account.
 */
export function logboekSdl(subgraph: string): string {
  if (!PLAIN_NAME.test(subgraph)) throw new Error(`logboek: ${JSON.stringify(subgraph)} is not a plain field name`);
  const { log, jaarverslag, audit } = logboekVelden(subgraph);
  const ingang = subgraph === LOGBOEK_INGANG;
  return `
"The resident's overview of accesses to their data; every organisation contributes its own log."
type ${INZAGE_TYPE} @key(fields: "sleutel") @geenPersoonsgegeven(reden: "The resident's own overview (AVG art. 15): served to the resident alone, under a key every organisation checks again; it names organisations, fields and bases, never a value.") {
  "Opaque: which cases and period. Every organisation checks it against the caller again."
  sleutel: String!
  "Accesses recorded in the ${subgraph} log, newest first (at most 100 per page)."
  ${log}(eerste: Int = 50, na: String): InzagePagina!
}

"The privacy officer's view: log metadata and yearly counts, never personal values."
type ${TOEZICHT_TYPE} @key(fields: "sleutel") @geenPersoonsgegeven(reden: "Log metadata for the privacy officer: pseudonymous, never a personal value of a resident (DESIGN §2, TOEZICHT).") {
  "Opaque: the period. Every organisation checks the caller again."
  sleutel: String!
  "Processing records (accesses and refusals) of the ${subgraph} log, newest first."
  ${log}(partij: Partij, organisatie: String, toegestaan: Boolean, traceId: String, eerste: Int = 50, na: String): ToezichtPagina!
  "Yearly counts of the ${subgraph} log."
  ${jaarverslag}(jaar: Int!): Jaarverslag!
  "Who performed one request in the ${subgraph} subgraph: the user, looked up on purpose by trace id."
  ${audit}(traceId: String!): [AuditRegel!]!${ingang ? '\n  "Overrides, their grounds and objections in one year (the regisseur holds the registers)."\n  doorbrekingenJaarverslag(jaar: Int!): DoorbrekingenJaarverslag!' : ''}
}
${SHARED_TYPES}${ingang ? INGANG_SDL : ''}`;
}
