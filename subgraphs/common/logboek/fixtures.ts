/**
 * Test support only: access records and request metadata as the dosing runtime produces them,
 * so the tests speak the runtime's contract rather than the log's columns.
 */
import type { RequestMeta } from '../access-log.js';
import type { Caller } from '../../../schema/context.js';
import type { FieldDeclaration } from '../../../schema/decide.js';
import type { AccessRecord } from '../../../schema/transform.js';

export const consulent: Caller = {
  sub: 'user-7f3a',
  partij: 'GEMEENTE',
  organisatie: 'gemeente-venlo',
  rol: 'wmo-consulent',
  gemeente: 'venlo',
};

export const verhuurder: Caller = {
  sub: 'user-c0rp',
  partij: 'CORPORATIE',
  organisatie: 'woonwenz',
  rol: 'verhuurconsulent',
};

export function field(coordinate: string, categorie: FieldDeclaration['categorie'] = 'IDENTITEIT'): FieldDeclaration {
  return { coordinate, categorie, grondslag: 'WMO_PUBLIEKE_TAAK', doel: 'PASSENDE_ONDERSTEUNING' };
}

/** An allowed access on the phase's basis (or, with `extra`, on a consent or an override). */
export function allowed(
  trajectId: string,
  betrokkene: string,
  decl: FieldDeclaration,
  extra: { grondslag?: 'TOESTEMMING' | 'CONFLICT_VAN_PLICHTEN'; toestemmingId?: string; doorbrekingId?: string } = {},
): AccessRecord {
  return {
    trajectId,
    betrokkene,
    field: decl,
    decision: {
      allowed: true,
      relatie: 'EIGEN_GEMEENTE',
      fase: 'ONDERZOEK',
      grondslag: extra.grondslag ?? decl.grondslag,
      doel: decl.doel,
      ...(extra.toestemmingId ? { toestemmingId: extra.toestemmingId } : {}),
      ...(extra.doorbrekingId ? { doorbrekingId: extra.doorbrekingId } : {}),
    },
  };
}

export function refused(trajectId: string, betrokkene: string | null, decl: FieldDeclaration, caller: Caller = verhuurder): AccessRecord {
  return {
    trajectId,
    betrokkene,
    field: decl,
    decision: { allowed: false, reden: 'FASE', partij: caller.partij, categorie: decl.categorie, fase: 'ONDERZOEK' },
  };
}

let counter = 0;
export function meta(caller: Caller = consulent, subgraph = 'gemeente'): RequestMeta {
  counter += 1;
  const n = counter.toString(16).padStart(4, '0');
  return {
    caller,
    traceId: `${n}`.padStart(32, 'a'),
    spanId: `${n}`.padStart(16, 'b'),
    operationName: `Op${counter}`,
    subgraph,
  };
}
