import { describe, expect, it } from 'vitest';
import { allowed, field, refused } from './fixtures.js';
import { groupRecords } from './group.js';
import { activityId } from './tables.js';

describe('grouping access records into processing records', () => {
  it('makes one record per subject/case, activity and outcome, listing the fields once, sorted', () => {
    const naam = field('Inwoner.naam');
    const adres = field('Inwoner.adres');
    const gezondheid = field('Onderzoek.gezondheid', 'GEZONDHEID');
    const groups = groupRecords(
      [
        allowed('t-1', 'p-1', naam),
        allowed('t-1', 'p-1', adres),
        allowed('t-1', 'p-1', naam), // the same field twice in one query
        allowed('t-2', 'p-2', naam),
        allowed('t-1', 'p-1', gezondheid),
        refused('t-1', 'p-1', gezondheid),
      ],
      'gemeente',
    );
    expect(groups).toHaveLength(4);
    expect(groups[0]).toMatchObject({
      trajectId: 't-1',
      betrokkene: 'p-1',
      verwerkingsactiviteitId: 'gemeente:IDENTITEIT:PASSENDE_ONDERSTEUNING',
      toegestaan: true,
      velden: ['Inwoner.adres', 'Inwoner.naam'],
      categorieen: ['IDENTITEIT'],
    });
    expect(groups[1]).toMatchObject({ trajectId: 't-2', velden: ['Inwoner.naam'] });
    expect(groups[2]).toMatchObject({ toegestaan: true, velden: ['Onderzoek.gezondheid'], reden: null });
    expect(groups[3]).toMatchObject({ toegestaan: false, reden: 'FASE', velden: ['Onderzoek.gezondheid'] });
  });

  it('keeps accesses on a consent or an override apart from accesses on the basis', () => {
    const naam = field('Inwoner.naam');
    const groups = groupRecords(
      [
        allowed('t-1', 'p-1', naam),
        allowed('t-1', 'p-1', naam, { grondslag: 'TOESTEMMING', toestemmingId: 'c-1' }),
        allowed('t-1', 'p-1', naam, { grondslag: 'CONFLICT_VAN_PLICHTEN', doorbrekingId: 'd-1' }),
      ],
      'gemeente',
    );
    expect(groups.map((g) => [g.grondslag, g.toestemmingId, g.doorbrekingId])).toEqual([
      ['WMO_PUBLIEKE_TAAK', null, null],
      ['TOESTEMMING', 'c-1', null],
      ['CONFLICT_VAN_PLICHTEN', null, 'd-1'],
    ]);
  });

  it('records an unknown case as null, and refuses a BSN as data-subject reference', () => {
    expect(groupRecords([refused('', null, field('Inwoner.naam'))], 'gemeente')[0]?.trajectId).toBeNull();
    expect(() => groupRecords([allowed('t-1', '123456782', field('Inwoner.naam'))], 'gemeente')).toThrow(/BSN/);
  });

  it('builds activity ids as subgraph:categorie:doel', () => {
    expect(activityId('corporatie', 'HUUR', 'HUUROVEREENKOMST_SLUITEN')).toBe('corporatie:HUUR:HUUROVEREENKOMST_SLUITEN');
  });
});
