/**
 * The access log (Logboek Dataverwerkingen) every subgraph shares: tables, database guarantees,
 * the writer behind `AccessLogWriter`, verification, retention and the read side (SDL, resolvers,
 * keys); see README.md. Test support (`testing.ts`, `fixtures.ts`) is deliberately not exported.
 */
export { APPEND_ONLY_MESSAGE, RETENTION_SETTING, STATEMENT_BREAKPOINT, appendOnlySql, privilegesSql } from './append-only.js';
export { GENESIS_HASH, auditChainContent, auditChainHash, canonicalJson, chainContent, chainHash, linkAuditRows, linkRows, type AuditChainFields, type ChainFields } from './chain.js';
export {
  checkpointConfigFromEnv,
  createCheckpointPublisher,
  loadCheckpointSigningKey,
  loadCheckpointVerifyingKey,
  loadOrCreateDevCheckpointKey,
  readCheckpoint,
  type CheckpointConfig,
  type CheckpointPublisher,
  type CheckpointSigningKey,
  type CheckpointVerifyingKey,
} from './checkpoint.js';
export { LOGBOEK_ACTIVITEITEN, logboekActiviteitId, logboekLeesvelden } from './lezingen.js';
export { INZAGE_TYPE, LOGBOEK_FEDERATION_IMPORTS, LOGBOEK_INGANG, TOEZICHT_TYPE, logboekSdl, logboekVelden } from './graphql-sdl.js';
export { groupRecords, type ProcessingGroup } from './group.js';
export {
  MAX_PAGE,
  auditVoorTrace,
  inzage,
  jaarGrenzen,
  jaarverslag,
  toezicht,
  type InzageOptions,
  type InzageRegel,
  type Jaarverslag,
  type Page,
  type PerPartij,
  type ToezichtOptions,
  type ToezichtRegel,
} from './queries.js';
export type { DoorbrekingenJaarverslag, RegisseurVerantwoording } from './regisseur-bronnen.js';
export { logboekResolvers, type LogboekLezer } from './resolvers.js';
export { createSleutelCodec, parsePeriode, type InzageSleutel, type Periode, type SleutelCodec } from './sleutel.js';
export { dropSegmentsBefore, listSegments, sealSegment, type DropResult, type SealOptions, type SealedSegment } from './segments.js';
export {
  activityId,
  assertTablesInSchema,
  logboekTables,
  type AuditRow,
  type LogboekTables,
  type SegmentRow,
  type VerwerkingRow,
} from './tables.js';
export { verifyChain, type CheckpointHead, type VerifyOptions, type VerifyResult } from './verify.js';
export { exitCodeOf, formatOutcome, verifyLogs, type VerifyOutcome, type VerifyTarget } from './verify-report.js';
export { createLogboekWriter, type LogboekRequestMeta, type LogboekWriterOptions } from './writer.js';
