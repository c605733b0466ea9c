/**
 * The order of `authorizeAct`'s reasons where the act carries the case's version: a stale version
 * is VERSIE (VERSIE_CONFLICT) for every caller who may act on the case, whatever its phase is now,
 * and tells nothing to a caller who may not know the case or is not one who may act.
 */
import { describe, expect, it } from 'vitest';
import { ACTS } from './acts.js';
import { authorizeAct } from './authorize-act.js';
import type { Caller, CaseContext } from './context.js';
import type { Fase } from './vocabulary.js';

const gemeente: Caller = { sub: 'consulent', partij: 'GEMEENTE', organisatie: 'gemeente-venlo', gemeente: 'venlo' };
const elders: Caller = { sub: 'consulent', partij: 'GEMEENTE', organisatie: 'gemeente-weert', gemeente: 'weert' };
const corporatie: Caller = { sub: 'medewerker', partij: 'CORPORATIE', organisatie: 'woonwenz' };
const traject = (fase: Fase, versie: number): CaseContext => ({
  trajectId: 't-1',
  fase,
  gemeente: 'venlo',
  regio: 'NOORD_LIMBURG',
  betrokkene: 'inwoner-1',
  geselecteerd: [],
  versie,
  toestemmingen: [],
  doorbrekingen: [],
});

describe('authorizeAct with a version', () => {
  it('the current version passes on to the phase rule', () => {
    expect(authorizeAct(ACTS.startOnderzoek, gemeente, traject('MELDING', 1), false, 1)).toMatchObject({ allowed: true });
    expect(authorizeAct(ACTS.startOnderzoek, gemeente, traject('ONDERZOEK', 2), false, 2)).toMatchObject({ allowed: false, reden: 'FASE' });
  });

  it('a stale version is VERSIE with the current one, even when the phase has moved on since', () => {
    expect(authorizeAct(ACTS.startOnderzoek, gemeente, traject('ONDERZOEK', 2), false, 1)).toEqual({ allowed: false, reden: 'VERSIE', huidigeVersie: 2 });
    expect(authorizeAct(ACTS.startOnderzoek, gemeente, traject('MELDING', 3), false, 1)).toEqual({ allowed: false, reden: 'VERSIE', huidigeVersie: 3 });
  });

  it('tells a caller who may not know the case, or may not act, nothing about its version', () => {
    expect(authorizeAct(ACTS.startOnderzoek, elders, traject('MELDING', 2), false, 1)).toEqual({ allowed: false, reden: 'ONBEKEND' });
    expect(authorizeAct(ACTS.startOnderzoek, corporatie, traject('MELDING', 2), false, 1)).toEqual({ allowed: false, reden: 'PARTIJ' });
  });

  it('acts without a version are decided as before', () => {
    expect(authorizeAct(ACTS.startOnderzoek, gemeente, traject('ONDERZOEK', 2))).toMatchObject({ allowed: false, reden: 'FASE' });
  });
});
