import { describe, expect, it } from 'vitest';
import { jarenLater, kalenderdatum, leesMoment } from './kalender.js';
import { monitoringRij, REDEN_AFGESLOTEN, REDEN_ANDERE_CORPORATIE, type MonitoringTraject, type SelectieRow } from './rijen.js';

function traject(over: Partial<MonitoringTraject> = {}): MonitoringTraject {
  return {
    gemeente: 'venlo',
    regio: 'NOORD_LIMBURG',
    fase: 'MELDING',
    melder: null,
    gekoppeldeZorgaanbieder: null,
    gematcht: null,
    uitkomst: null,
    uitkomstToelichting: null,
    aangemeldOp: '2025-01-10 09:00:00+00',
    gehuisvestOp: null,
    afgeslotenOp: null,
    ...over,
  };
}
function selectie(corporatie: string, overlegUitkomst: string | null, overlegToelichting: string | null = null): SelectieRow {
  return { trajectId: 't', corporatie, overlegUitkomst, overlegToelichting };
}

describe('kalender', () => {
  it('places an instant on the Dutch calendar day, in winter and summer time', () => {
    expect(kalenderdatum('2025-01-31 23:30:00+00')).toBe('2025-02-01');
    expect(kalenderdatum('2025-01-31 22:59:59+00')).toBe('2025-01-31');
    expect(kalenderdatum('2025-06-30 22:30:00.123456+00')).toBe('2025-07-01');
    expect(kalenderdatum('2025-06-30 21:30:00+00')).toBe('2025-06-30');
    expect(kalenderdatum('2025-03-01T00:30:00+01:00')).toBe('2025-03-01');
    expect(kalenderdatum('2025-03-01T00:30:00.000Z')).toBe('2025-03-01');
  });

  it('refuses text that is not an instant', () => {
    expect(() => leesMoment('gisteren')).toThrow(RangeError);
    expect(() => leesMoment('2025-13-45 10:00:00+00')).toThrow(RangeError);
  });

  it('adds whole years, 29 February becoming 1 March', () => {
    expect(jarenLater('2024-02-29', 1)).toBe('2025-03-01');
    expect(jarenLater('2023-05-17', 2)).toBe('2025-05-17');
  });
});

describe('monitoringRij', () => {
  it('carries only counting facts, dated on the Dutch calendar', () => {
    const rij = monitoringRij(traject({ melder: 'met-ggz', aangemeldOp: '2025-01-31 23:30:00+00' }), [], '2025-06-01');
    expect(rij).toEqual({
      gemeente: 'venlo',
      regio: 'NOORD_LIMBURG',
      partner: 'met-ggz',
      aangemeldOp: '2025-02-01',
      fase: 'MELDING',
      uitkomst: null,
      nietDoelgroepReden: null,
      reguliereHuurGelukt: null,
      gehuisvestOp: null,
      gehuisvestGemeente: null,
      zelfstandigNa1Jaar: null,
      zelfstandigNa2Jaar: null,
      gesprekken: [],
    });
  });

  it('takes the linked care provider as partner when no care provider filed', () => {
    expect(monitoringRij(traject({ gekoppeldeZorgaanbieder: 'moveoo' }), [], '2025-06-01').partner).toBe('moveoo');
    expect(monitoringRij(traject({ melder: 'met-ggz', gekoppeldeZorgaanbieder: 'moveoo' }), [], '2025-06-01').partner).toBe('met-ggz');
  });

  it('uses the regio of the gemeente, also after a warm hand-over', () => {
    expect(monitoringRij(traject({ gemeente: 'weert', regio: 'NOORD_LIMBURG' }), [], '2025-06-01').regio).toBe('MIDDEN_LIMBURG');
  });

  it('maps both negative ends to one outcome and keeps the closing note only as a not-eligible reason', () => {
    const ontruimd = monitoringRij(traject({ fase: 'AFGESLOTEN', uitkomst: 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD', uitkomstToelichting: 'ontruimd' }), [], '2025-06-01');
    expect(ontruimd.uitkomst).toBe('HUUR_BEEINDIGD_NEGATIEF');
    expect(ontruimd.nietDoelgroepReden).toBeNull();
    const anders = monitoringRij(traject({ fase: 'AFGESLOTEN', uitkomst: 'NIET_DOELGROEP_ANDERS', uitkomstToelichting: 'Geen ondersteuningsvraag' }), [], '2025-06-01');
    expect(anders.nietDoelgroepReden).toBe('Geen ondersteuningsvraag');
  });

  it('refuses to count an unknown phase or outcome instead of miscounting it', () => {
    expect(() => monitoringRij(traject({ fase: 'WACHTLIJST' }), [], '2025-06-01')).toThrow(RangeError);
    expect(() => monitoringRij(traject({ uitkomst: 'ONBEKEND' }), [], '2025-06-01')).toThrow(RangeError);
  });

  describe('still independent after 1 and 2 years', () => {
    const gehuisvest = { fase: 'GEHUISVEST', gehuisvestOp: '2023-03-15 10:00:00+00' } as const;
    it('is unknown until the anniversary, then true', () => {
      expect(monitoringRij(traject(gehuisvest), [], '2024-03-14')).toMatchObject({ zelfstandigNa1Jaar: null, zelfstandigNa2Jaar: null });
      expect(monitoringRij(traject(gehuisvest), [], '2024-03-15')).toMatchObject({ zelfstandigNa1Jaar: true, zelfstandigNa2Jaar: null });
      expect(monitoringRij(traject(gehuisvest), [], '2025-03-15')).toMatchObject({ zelfstandigNa1Jaar: true, zelfstandigNa2Jaar: true });
    });

    it('is false at once after a negative end before the anniversary', () => {
      const negatief = { ...gehuisvest, fase: 'AFGESLOTEN', uitkomst: 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN', afgeslotenOp: '2024-01-10 10:00:00+00' };
      expect(monitoringRij(traject(negatief), [], '2024-02-01')).toMatchObject({ zelfstandigNa1Jaar: false, zelfstandigNa2Jaar: false });
      const laat = { ...negatief, afgeslotenOp: '2024-09-10 10:00:00+00' };
      expect(monitoringRij(traject(laat), [], '2025-06-01')).toMatchObject({ zelfstandigNa1Jaar: true, zelfstandigNa2Jaar: false });
    });

    it('counts a positive end of the lease as independent', () => {
      const positief = { ...gehuisvest, fase: 'AFGESLOTEN', uitkomst: 'HUUR_BEEINDIGD_POSITIEF', afgeslotenOp: '2023-09-01 10:00:00+00' };
      expect(monitoringRij(traject(positief), [], '2024-06-01').zelfstandigNa1Jaar).toBe(true);
    });

    it('is unknown for a case never housed', () => {
      expect(monitoringRij(traject({ fase: 'AFGESLOTEN', uitkomst: 'TERUGGETROKKEN' }), [], '2030-01-01').zelfstandigNa2Jaar).toBeNull();
    });
  });

  describe('conversations', () => {
    it('counts the matched and housed corporation as led, the others as not led with a reason', () => {
      const t = traject({ fase: 'GEHUISVEST', gematcht: 'woonwenz', gehuisvestOp: '2025-04-01 10:00:00+00' });
      const rij = monitoringRij(t, [selectie('woonwenz', 'INTERESSE'), selectie('antares', 'INTERESSE'), selectie('destion', 'GEEN_INTERESSE', 'Geen passende woning')], '2025-06-01');
      expect(rij.gesprekken).toEqual([
        { corporatie: 'woonwenz', leiddeTotHuisvesting: true, reden: null },
        { corporatie: 'antares', leiddeTotHuisvesting: false, reden: REDEN_ANDERE_CORPORATIE },
        { corporatie: 'destion', leiddeTotHuisvesting: false, reden: 'Geen passende woning' },
      ]);
    });

    it('leaves out conversations not held and those still open', () => {
      const t = traject({ fase: 'HUUROVEREENKOMST', gematcht: 'woonwenz' });
      expect(monitoringRij(t, [selectie('woonwenz', 'INTERESSE'), selectie('antares', null)], '2025-06-01').gesprekken).toEqual([]);
    });

    it('counts every held conversation as not led when the case closed without housing', () => {
      const t = traject({ fase: 'AFGESLOTEN', uitkomst: 'TERUGGETROKKEN', gematcht: 'woonwenz' });
      expect(monitoringRij(t, [selectie('woonwenz', 'INTERESSE')], '2025-06-01').gesprekken).toEqual([
        { corporatie: 'woonwenz', leiddeTotHuisvesting: false, reden: REDEN_AFGESLOTEN },
      ]);
    });
  });
});
