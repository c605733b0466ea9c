/** Retention of case data and of the access log; see `subgraphs/common/logboek/README.md`. */
export {
  voerRetentieUit,
  voerSubgraphRetentieUit,
  type EmbeddedRetentieOptions,
  type RetentieDeelnemer,
  type RetentieOptions,
  type RetentieRapport,
  type SubgraphRetentieOptions,
  type SubgraphRetentieRapport,
  type Termijnbeoordeling,
} from './cyclus.js';
export { logboekRetentie, type LogboekRetentieOptions, type LogboekRetentieRapport } from './logboek-retentie.js';
export { BEWAARTERMIJN_PATH, MAX_KANDIDATEN, bewaartermijnRoute, remoteBewaartermijn, type Bewaartermijn } from './route.js';
export { parseRetentionInterval, startRetentionSchedule, type RetentionSchedule, type RetentionScheduleOptions } from './schedule.js';
export {
  LANGSTE_TERMIJN_JAREN,
  TERMIJN_MET_WOONKANS_JAREN,
  TERMIJN_ZONDER_WOONKANS_JAREN,
  isVerlopen,
  plusJaren,
  termijnJaren,
  vervaltOp,
} from './termijnen.js';
export type { SubgraphRetentie, Telling, VerlopenAntwoord, VerlopenBron } from './types.js';
