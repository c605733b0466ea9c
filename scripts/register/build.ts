/**
 * The register of processing (verwerkingsregister), generated from the same two sources that run:
 * the `@dosering` declarations in each subgraph's schema and the policy table. Per field: its
 * category, the owner's legal basis and purpose, and who may see it in which phase, on what basis.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DocumentNode } from 'graphql';
import { POLICY, policyRows, type PolicyTable } from '../../schema/policy.js';
import { doseringDeclarations } from '../../schema/transform.js';
import type { Doel, Fase, Gegevenscategorie, Grondslag, Partij } from '../../schema/vocabulary.js';
import { activityId } from '../../subgraphs/common/logboek/tables.js';

export interface Verstrekking {
  readonly partij: Partij;
  readonly relatie: string;
  readonly fase: Fase;
  /** `BASIS`: on the phase's legal basis; `TOESTEMMING`: only with a valid targeted consent. */
  readonly op: 'BASIS' | 'TOESTEMMING';
  readonly grondslag: Grondslag;
  readonly doel: Doel;
  /** The processing activity id that access-log rows of this access carry. */
  readonly verwerkingsactiviteit: string;
}

export interface RegisterEntry {
  readonly subgraph: string;
  readonly veld: string;
  readonly categorie: Gegevenscategorie;
  readonly grondslag: Grondslag;
  readonly doel: Doel;
  readonly verstrekkingen: readonly Verstrekking[];
}

export function buildRegister(subgraphs: { name: string; typeDefs: DocumentNode }[], table: PolicyTable = POLICY): RegisterEntry[] {
  const rows = policyRows(table);
  const entries: RegisterEntry[] = [];
  for (const { name, typeDefs } of subgraphs) {
    const declarations = doseringDeclarations(buildSubgraphSchema([{ typeDefs }]));
    for (const d of [...declarations.values()].sort((a, b) => a.coordinate.localeCompare(b.coordinate))) {
      const verstrekkingen: Verstrekking[] = [];
      for (const r of rows) {
        const op = r.basis.includes(d.categorie) ? 'BASIS' : r.toestemming.includes(d.categorie) ? 'TOESTEMMING' : undefined;
        if (!op) continue;
        verstrekkingen.push({
          partij: r.partij,
          relatie: r.relatie,
          fase: r.fase,
          op,
          grondslag: op === 'BASIS' ? r.grondslag : 'TOESTEMMING',
          doel: r.doel,
          verwerkingsactiviteit: activityId(name, d.categorie, r.doel),
        });
      }
      entries.push({ subgraph: name, veld: d.coordinate, categorie: d.categorie, grondslag: d.grondslag, doel: d.doel, verstrekkingen });
    }
  }
  return entries;
}

/** Markdown for people: one section per subgraph, one row per field, who sees it in which phase. */
export function registerMarkdown(entries: readonly RegisterEntry[]): string {
  const out: string[] = [
    '# Verwerkingsregister Woonkans Gateway',
    '',
    'Gegenereerd uit de `@dosering`-declaraties van de subgraphs en de doseringstabel (`schema/policy.ts`).',
    'Per veld: categorie, grondslag en doel van de eigenaar, en wie het in welke fase mag zien',
    '(✓ op de grondslag van die fase, **C** alleen met geldige, gerichte toestemming).',
    '',
  ];
  let current = '';
  for (const e of entries) {
    if (e.subgraph !== current) {
      current = e.subgraph;
      out.push(`## Subgraph \`${current}\``, '', '| veld | categorie | grondslag | doel | wie, in welke fase |', '|---|---|---|---|---|');
    }
    const byParty = new Map<string, string[]>();
    for (const v of e.verstrekkingen) {
      const key = `${v.partij} (${v.relatie})`;
      byParty.set(key, [...(byParty.get(key) ?? []), `${v.fase}${v.op === 'TOESTEMMING' ? ' **C**' : ' ✓'}`]);
    }
    const wie = [...byParty].map(([k, f]) => `${k}: ${f.join(', ')}`).join('<br>') || '—';
    out.push(`| \`${e.veld}\` | ${e.categorie} | ${e.grondslag} | ${e.doel} | ${wie} |`);
  }
  return `${out.join('\n')}\n`;
}
