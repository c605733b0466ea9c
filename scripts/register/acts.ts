/**
 * The acts table in the register of processing: per subgraph, each act with who may perform it, in
 * which relation to the case and in which phases, and the reason — read from `schema/acts.ts`, the
 * same rows the guard applies.
 */
import { ACTS, SUBGRAFEN, actRows, type ActRule } from '../../schema/acts.js';
import { FASEN } from '../../schema/vocabulary.js';

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

export function actsMarkdown(): string {
  const out = [
    '# Handelingen: wie mag wat doen',
    '',
    'Elke mutatie, met de partij (en rol), de relatie tot het traject en de fasen waarin zij mag; wat hier niet staat, wordt geweigerd voordat er iets gebeurt.',
    '',
  ];
  for (const subgraaf of SUBGRAFEN) {
    out.push(`## Subgraph \`${subgraaf}\``, '', '| handeling | mutatie | wie | relatie | fasen | waarom |', '|---|---|---|---|---|---|');
    for (const row of actRows().filter((r) => r.subgraaf === subgraaf)) {
      const wie = row.rol ? `${row.partij} (${row.rol})` : row.partij;
      out.push(`| ${row.handeling} | \`${row.act}\` | ${wie} | ${RELATIE_TEKST[row.relatie] ?? row.relatie} | ${fasen(row.fasen)} | ${row.waarom} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The rows as data, for `--json`. */
export function actsJson(): { act: string; regel: ActRule }[] {
  return Object.entries(ACTS as Record<string, ActRule>).map(([act, regel]) => ({ act, regel }));
}
