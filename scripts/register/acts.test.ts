import { describe, expect, it } from 'vitest';
import { ACTS } from '../../schema/acts.js';
import { actsJson, actsMarkdown } from './acts.js';

describe('the register lists the acts table', () => {
  it('names every act with who, relation, phases and reason', () => {
    const md = actsMarkdown();
    for (const act of Object.keys(ACTS)) expect(md).toContain(`\`${act}\``);
    expect(md).toContain('| Besluiten over een garantieaanvraag | `besluitOverGarantieaanvraag` | REGISSEUR (VOORZITTER) | eigen regio | AFGESLOTEN |');
    expect(actsJson().map((a) => a.act).sort()).toEqual(Object.keys(ACTS).sort());
  });

  it('says under which processing activity each act is recorded, and that the fund’s bookkeeping records none', () => {
    const md = actsMarkdown();
    expect(md).toContain('| `legOnderzoekVast` | GEMEENTE | eigen gemeente | ONDERZOEK |');
    expect(md).toMatch(/\| `legOnderzoekVast` \|[^\n]*\| `gemeente:TRAJECT:PASSENDE_ONDERSTEUNING` \(WMO_PUBLIEKE_TAAK\) \|\n/);
    expect(md).toMatch(/\| `registreerMelding` \| INWONER \|[^\n]*\| `gemeente:TRAJECT:PASSENDE_ONDERSTEUNING` \(TOESTEMMING\) \|\n/);
    expect(md).toMatch(/\| `hefFondsOp` \|[^\n]*\| — \(geen traject, geen persoonsgegevens\) \|\n/);
  });
});
