/**
 * The register of processing (verwerkingsregister), generated from the same two sources that run:
 * the `@dosering` declarations in each subgraph's schema and the policy table. Per field: its
 * category, the owner's legal basis and purpose, and who may see it in which phase, on what basis.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DocumentNode } from 'graphql';
import { POLICY, policyRows, type PolicyTable } from '../../schema/policy.js';
import { readDeclarations } from '../../schema/declarations.js';
import type { Doel, Fase, Gegevenscategorie, Grondslag, Partij } from '../../schema/vocabulary.js';
import { LOGBOEK_ACTIVITEITEN, logboekActiviteitId, logboekLeesvelden } from '../../subgraphs/common/logboek/lezingen.js';
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
    const declarations = [...readDeclarations(buildSubgraphSchema([{ typeDefs }])).byCoordinate.values()].flatMap((x) => (x.kind === 'dosering' ? [x.decl] : []));
    for (const d of declarations.sort((a, b) => a.coordinate.localeCompare(b.coordinate))) {
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

/** The rest of the closed world: objects that stand for several categories, and fields free of personal data. */
export interface ClosedWorldEntry {
  readonly subgraph: string;
  readonly veld: string;
  /** For an object or list: the categories it stands for (it exists for whoever may read one). */
  readonly categorieen?: readonly Gegevenscategorie[];
  /** For a field that carries nothing about a person: why. */
  readonly reden?: string;
}

export function buildClosedWorld(subgraphs: { name: string; typeDefs: DocumentNode }[]): ClosedWorldEntry[] {
  return subgraphs.flatMap(({ name, typeDefs }) =>
    [...readDeclarations(buildSubgraphSchema([{ typeDefs }])).byCoordinate]
      .sort(([a], [b]) => a.localeCompare(b))
      .flatMap(([veld, d]): ClosedWorldEntry[] =>
        d.kind === 'afgeleid'
          ? [{ subgraph: name, veld, categorieen: d.decls.map((x) => x.categorie) }]
          : d.kind === 'vrij'
            ? [{ subgraph: name, veld, reden: d.reden }]
            : [],
      ),
  );
}

export function closedWorldMarkdown(entries: readonly ClosedWorldEntry[]): string {
  const objecten = entries.filter((e) => e.categorieen);
  const vrij = entries.filter((e) => e.reden !== undefined);
  return [
    '## Objecten en lijsten die voor meerdere categorieën staan',
    '',
    'Een object bestaat voor wie ten minste één van deze categorieën mag zien; anders is het `null` met de weigering.',
    '',
    '| subgraph | veld | categorieën |',
    '|---|---|---|',
    ...objecten.map((e) => `| ${e.subgraph} | \`${e.veld}\` | ${e.categorieen!.join(', ')} |`),
    '',
    '## Velden zonder persoonsgegevens, met de reden',
    '',
    '| subgraph | veld | reden |',
    '|---|---|---|',
    ...vrij.map((e) => `| ${e.subgraph} | \`${e.veld}\` | ${e.reden!.replace(/\|/g, '\\|')} |`),
    '',
  ].join('\n');
}

/** The classification review (issue 11 §3): per type holding personal data, what it carries and why. */
export interface TypeReview {
  readonly subgraph: string;
  readonly type: string;
  readonly categorieen: readonly Gegevenscategorie[];
  /** The type's SDL description: the written reason for its classification. */
  readonly waarom: string | null;
}

export function buildTypeReview(subgraphs: { name: string; typeDefs: DocumentNode }[]): TypeReview[] {
  return subgraphs.flatMap(({ name, typeDefs }) => {
    const schema = buildSubgraphSchema([{ typeDefs }]);
    const perType = new Map<string, Set<Gegevenscategorie>>();
    for (const [coordinate, d] of readDeclarations(schema).byCoordinate) {
      if (d.kind !== 'dosering') continue;
      const type = coordinate.split('.')[0]!;
      if (type === schema.getQueryType()?.name || type === schema.getMutationType()?.name) continue;
      perType.set(type, (perType.get(type) ?? new Set()).add(d.decl.categorie));
    }
    return [...perType]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, c]) => ({ subgraph: name, type, categorieen: [...c].sort(), waarom: schema.getType(type)?.description ?? null }));
  });
}

export function typeReviewMarkdown(review: readonly TypeReview[]): string {
  return [
    '## Classificatie per type: wat het draagt en waarom',
    '',
    '| subgraph | type | categorieën | waarom |',
    '|---|---|---|---|',
    ...review.map((r) => `| ${r.subgraph} | \`${r.type}\` | ${r.categorieen.join(', ')} | ${(r.waarom ?? '—').replace(/\s+/g, ' ').replace(/\|/g, '\\|')} |`),
    '',
  ].join('\n');
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

/** The log's own processing: reads of the access log, themselves logged (`subgraphs/common/logboek/lezingen.ts`). */
export interface LogboekRegisterEntry {
  readonly subgraph: string;
  readonly partij: string;
  readonly relatie: string;
  readonly categorie: string;
  readonly grondslag: string;
  readonly doel: string;
  /** The processing activity id that the log rows of such a read carry. */
  readonly verwerkingsactiviteit: string;
  readonly velden: readonly string[];
  readonly waarom: string;
}

export function buildLogboekRegister(subgraphs: readonly string[]): LogboekRegisterEntry[] {
  return subgraphs.flatMap((subgraph) => {
    const velden = logboekLeesvelden(subgraph);
    return Object.values(LOGBOEK_ACTIVITEITEN).map((a) => ({
      subgraph,
      partij: a.partij,
      relatie: a.relatie,
      categorie: a.categorie,
      grondslag: a.grondslag,
      doel: a.doel,
      verwerkingsactiviteit: logboekActiviteitId(subgraph, a.lezing),
      velden: velden[a.lezing],
      waarom: a.waarom,
    }));
  });
}

export function logboekRegisterMarkdown(entries: readonly LogboekRegisterEntry[]): string {
  return [
    '## Het logboek zelf: wie het leest, en dat dat ook gelogd wordt',
    '',
    'Elke lezing van het logboek wordt in het gelezen logboek vastgelegd (verwerking plus auditregel met de gebruiker); lukt dat niet, dan bevat het antwoord geen logboekgegevens.',
    '',
    '| subgraph | verwerkingsactiviteit | wie | categorie | grondslag | doel | velden | waarom |',
    '|---|---|---|---|---|---|---|---|',
    ...entries.map(
      (e) =>
        `| ${e.subgraph} | \`${e.verwerkingsactiviteit}\` | ${e.partij} (${e.relatie}) | ${e.categorie} | ${e.grondslag} | ${e.doel} | ${e.velden.map((v) => `\`${v}\``).join(', ')} | ${e.waarom.replace(/\|/g, '\\|')} |`,
    ),
    '',
  ].join('\n');
}
