/**
 * The acts table in the register of processing: per subgraph, each act with who may perform it, in
 * which relation to the case and in which phases, and the reason — read from `schema/acts.ts`, the
 * same rows the guard applies.
 */
import { actBasis } from '../../schema/act-record.js';
import { ACTS, SUBGRAFEN, actRows, type ActRow, type ActRule } from '../../schema/acts.js';
import { FASEN } from '../../schema/vocabulary.js';
import { activityId } from '../../subgraphs/common/logboek/tables.js';

const RELATIE_TEKST: Record<string, string> = {
  EIGEN_GEMEENTE: 'eigen gemeente',
  REGIO: 'eigen regio',
  GESELECTEERD: 'geselecteerd',
  GEMATCHT: 'gematcht',
  MELDER: 'melder',
  GEKOPPELD: 'gekoppeld',
  FONDS: 'het fonds',
  ZELF: 'zichzelf',
  GEEN: 'geen traject',
};

function fasen(list: readonly string[]): string {
  if (list.length === 0) return '—';
  if (list.length === FASEN.length) return 'elke fase';
  return list.join(', ');
}

/**
 * The processing activities the row's acts are recorded under (`schema/act-record.ts`), with their
 * basis, in the log of the subgraph that serves the act.
 */
export function actActivities(row: ActRow): { readonly id: string; readonly grondslag: string }[] {
  const found = new Map<string, { id: string; grondslag: string }>();
  for (const fase of row.fasen) {
    const basis = actBasis(row, fase);
    if (!basis) continue;
    const id = activityId(row.subgraaf, 'TRAJECT', basis.doel);
    found.set(`${id} ${basis.grondslag}`, { id, grondslag: basis.grondslag });
  }
  return [...found.values()];
}

export function actsMarkdown(): string {
  const out = [
    '# Handelingen: wie mag wat doen',
    '',
    'Elke mutatie, met de partij (en rol), de relatie tot het traject en de fasen waarin zij mag; wat hier niet staat, wordt geweigerd voordat er iets gebeurt.',
    'Een handeling op een traject is zelf een verwerking: zij wordt in het logboek van de subgraph die haar uitvoert vastgelegd, in dezelfde transactie als de wijziging (lukt dat niet, dan is er niets gewijzigd: `TOEGANGSLOG_ONBEREIKBAAR`), onder de verwerkingsactiviteit in de laatste kolom.',
    '',
  ];
  for (const subgraaf of SUBGRAFEN) {
    out.push(`## Subgraph \`${subgraaf}\``, '', '| handeling | mutatie | wie | relatie | fasen | waarom | vastgelegd als |', '|---|---|---|---|---|---|---|');
    for (const row of actRows().filter((r) => r.subgraaf === subgraaf)) {
      const wie = row.rol ? `${row.partij} (${row.rol})` : row.partij;
      const vastgelegd = actActivities(row).map((a) => `\`${a.id}\` (${a.grondslag})`).join(', ') || '— (geen traject, geen persoonsgegevens)';
      out.push(`| ${row.handeling} | \`${row.act}\` | ${wie} | ${RELATIE_TEKST[row.relatie] ?? row.relatie} | ${fasen(row.fasen)} | ${row.waarom} | ${vastgelegd} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The rows as data, for `--json`. */
export function actsJson(): { act: string; regel: ActRule }[] {
  return Object.entries(ACTS as Record<string, ActRule>).map(([act, regel]) => ({ act, regel }));
}
