/**
 * Reads of the log are processing too: the log says who processed which categories of a person's
 * data, and `audit` names the employee. So every read through the log's read side is itself
 * recorded in the log it read, like any access: a processing record (partij, activity, basis,
 * purpose, the fields read) plus the audit row naming the user. The two activities below are the
 * only ways in, and `npm run register` lists them from this same table (`scripts/register/build.ts`),
 * with the same `activityId` the rows carry.
 *
 * The records go into the request's buffer (`ctx.dosering.record`), which the subgraph writes before
 * the response leaves; if that write fails the response carries no data (`TOEGANGSLOG_ONBEREIKBAAR`,
 * `subgraphs/common/server.ts`): the log's own readers fail closed exactly as every other reader.
 */
import type { Caller } from '../../../schema/context.js';
import type { FieldDeclaration } from '../../../schema/decide.js';
import type { Fase, Partij } from '../../../schema/vocabulary.js';
import type { AccessRecord } from '../../../schema/transform.js';
import { INZAGE_TYPE, LOGBOEK_INGANG, TOEZICHT_TYPE, logboekVelden } from './graphql-sdl.js';
import { activityId } from './tables.js';

export type LogboekLezing = 'TOEZICHT' | 'INZAGE';

export interface LogboekActiviteit {
  readonly lezing: LogboekLezing;
  /** The only party that may read this way; any other caller is refused (and that is logged too). */
  readonly partij: Partij;
  readonly relatie: string;
  readonly categorie: FieldDeclaration['categorie'];
  readonly grondslag: FieldDeclaration['grondslag'];
  readonly doel: FieldDeclaration['doel'];
  readonly waarom: string;
}

/** The log's own processing activities: the privacy officer's oversight and the resident's access. */
export const LOGBOEK_ACTIVITEITEN: Readonly<Record<LogboekLezing, LogboekActiviteit>> = {
  TOEZICHT: {
    lezing: 'TOEZICHT',
    partij: 'TOEZICHT',
    relatie: 'geen traject',
    categorie: 'LOGBOEK',
    grondslag: 'WETTELIJKE_PLICHT',
    doel: 'TOEZICHT',
    waarom: 'De FG ziet toe op de naleving (AVG art. 39.1.b) en legt verantwoording af (art. 5.2): metadata van het logboek, jaartellingen en, per trace, de gebruiker.',
  },
  INZAGE: {
    lezing: 'INZAGE',
    partij: 'INWONER',
    relatie: 'zichzelf',
    categorie: 'LOGBOEK',
    grondslag: 'INZAGERECHT',
    doel: 'INZAGE',
    waarom: 'De inwoner ziet wie wanneer welke gegevens van de eigen trajecten verwerkte (AVG art. 15); nooit de medewerker.',
  },
};

/** The fields (`Type.veld`) through which `subgraph`'s log is read, per activity. */
export function logboekLeesvelden(subgraph: string): Record<LogboekLezing, string[]> {
  const v = logboekVelden(subgraph);
  return {
    TOEZICHT: [
      `${TOEZICHT_TYPE}.${v.log}`,
      `${TOEZICHT_TYPE}.${v.jaarverslag}`,
      `${TOEZICHT_TYPE}.${v.audit}`,
      ...(subgraph === LOGBOEK_INGANG ? [`${TOEZICHT_TYPE}.doorbrekingenJaarverslag`] : []),
    ].sort(),
    INZAGE: [`${INZAGE_TYPE}.${v.log}`],
  };
}

/** The activity's id in the register of processing, as the rows of `subgraph` carry it. */
export function logboekActiviteitId(subgraph: string, lezing: LogboekLezing): string {
  const a = LOGBOEK_ACTIVITEITEN[lezing];
  return activityId(subgraph, a.categorie, a.doel);
}

function declaration(lezing: LogboekLezing, coordinate: string): FieldDeclaration {
  const a = LOGBOEK_ACTIVITEITEN[lezing];
  return { coordinate, categorie: a.categorie, grondslag: a.grondslag, doel: a.doel };
}

/**
 * The privacy officer's read of `coordinate`: concerns no single case or person (the view never
 * shows either), so `trajectId` and `betrokkene` stay empty; a caller other than TOEZICHT is
 * recorded as refused (PARTIJ), as a refused field is.
 */
export function toezichtLezing(coordinate: string, caller: Caller): AccessRecord {
  const field = declaration('TOEZICHT', coordinate);
  if (caller.partij !== LOGBOEK_ACTIVITEITEN.TOEZICHT.partij) {
    return { trajectId: '', betrokkene: null, field, decision: { allowed: false, reden: 'PARTIJ', partij: caller.partij, categorie: field.categorie } };
  }
  // The decision's phase and relation describe a case; an oversight read has none (logged as null).
  const decision = { allowed: true, grondslag: field.grondslag, doel: field.doel } as unknown as AccessRecord['decision'];
  return { trajectId: '', betrokkene: null, field, decision };
}

/** The resident's read of `coordinate` over one own case (relation ZELF, in the case's phase). */
export function inzageLezing(coordinate: string, caller: Caller, trajectId: string, fase: Fase): AccessRecord {
  const field = declaration('INZAGE', coordinate);
  return {
    trajectId,
    betrokkene: caller.sub,
    field,
    decision: { allowed: true, relatie: 'ZELF', fase, grondslag: field.grondslag, doel: field.doel },
  };
}
