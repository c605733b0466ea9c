import { describe, expect, it } from 'vitest';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { decide } from '../../schema/decide.js';
import { readDeclarations } from '../../schema/declarations.js';
import { SUBGRAPH_NAMES, SUBGRAPH_TYPEDEFS } from '../../subgraphs/catalog.js';
import { logboekLeesvelden } from '../../subgraphs/common/logboek/lezingen.js';
import { buildClosedWorld, buildLogboekRegister, buildRegister, buildTypeReview, closedWorldMarkdown, logboekRegisterMarkdown, registerMarkdown, typeReviewMarkdown } from './build.js';

const subgraphs = SUBGRAPH_NAMES.map((name) => ({ name, typeDefs: SUBGRAPH_TYPEDEFS[name]() }));
const register = buildRegister(subgraphs);

describe('register of processing', () => {
  it('lists every field of every subgraph once: with its category, as an object of several, or free with its reason', () => {
    const declared = subgraphs.flatMap(({ name, typeDefs }) => [...readDeclarations(buildSubgraphSchema([{ typeDefs }])).byCoordinate.keys()].map((c) => `${name}:${c}`));
    const listed = [...register, ...buildClosedWorld(subgraphs)].map((e) => `${e.subgraph}:${e.veld}`);
    expect(listed.sort()).toEqual(declared.sort());
    const md = closedWorldMarkdown(buildClosedWorld(subgraphs));
    expect(md).toContain('`Traject.inwoner`');
    expect(md).toMatch(/`Traject\.id` \| An opaque random identifier/);
  });

  it('says for each field exactly who may see it: the same as the running decision', () => {
    for (const entry of register) {
      for (const v of entry.verstrekkingen) {
        const caller = { sub: 's', partij: v.partij, organisatie: 'org', gemeente: 'venlo', regio: 'NOORD_LIMBURG' } as const;
        const ctx = {
          trajectId: 't', fase: v.fase, gemeente: 'venlo', regio: 'NOORD_LIMBURG', betrokkene: 's',
          geselecteerd: v.relatie === 'GESELECTEERD' ? ['org'] : [], gematcht: v.relatie === 'GEMATCHT' ? 'org' : null,
          melder: v.relatie === 'MELDER' ? 'org' : null, gekoppeldeZorgaanbieder: v.relatie === 'GEKOPPELD' ? 'org' : null,
          // The fund relates to a case only after a negative end of its lease.
          huur: v.relatie === 'FONDS' ? { borgCent: null, beeindiging: 'ONTRUIMD' as const } : null,
          toestemmingen: [], doorbrekingen: [],
        } as const;
        const d = decide(caller, ctx, { coordinate: entry.veld, categorie: entry.categorie, grondslag: entry.grondslag, doel: entry.doel });
        expect(d.allowed, `${entry.veld} ${v.partij}/${v.relatie}/${v.fase}`).toBe(v.op === 'BASIS');
        if (v.op === 'TOESTEMMING') expect(d).toMatchObject({ reden: 'TOESTEMMING' });
      }
    }
  });

  it('never lists the regisseur for a BSN, nor the Werkgroep or Toezicht for anything', () => {
    const bsn = register.filter((e) => e.categorie === 'BSN').flatMap((e) => e.verstrekkingen);
    expect(bsn.some((v) => v.partij === 'REGISSEUR')).toBe(false);
    expect(register.flatMap((e) => e.verstrekkingen).some((v) => v.partij === 'WERKGROEP' || v.partij === 'TOEZICHT')).toBe(false);
  });

  it('renders Markdown with one section per subgraph', () => {
    const md = registerMarkdown(register);
    for (const name of SUBGRAPH_NAMES) expect(md).toContain(`## Subgraph \`${name}\``);
    expect(md).toContain('`Inwoner.gezondheid` | GEZONDHEID | WMO_GEZONDHEID');
  });

  it('writes down, for every type that holds personal data, why it carries its categories (issue 11 §3)', () => {
    const review = buildTypeReview(subgraphs);
    expect(review.length).toBeGreaterThan(20);
    expect(review.filter((r) => !r.waarom).map((r) => `${r.subgraph}: ${r.type}`)).toEqual([]);
    // Who filed a melding and why is health data (seed 003), not identity.
    expect(review.find((r) => r.type === 'Melding')).toMatchObject({ categorieen: ['GEZONDHEID', 'VERLOOP'] });
    expect(typeReviewMarkdown(review)).toContain('| gemeente | `Melding` | GEZONDHEID, VERLOOP |');
  });

  it('lists the log\'s own readers: oversight and the resident\'s access, per subgraph, over fields that exist', () => {
    const logboek = buildLogboekRegister(SUBGRAPH_NAMES);
    expect(logboek.map((e) => e.verwerkingsactiviteit).sort()).toEqual(
      SUBGRAPH_NAMES.flatMap((n) => [`${n}:LOGBOEK:INZAGE`, `${n}:LOGBOEK:TOEZICHT`]).sort(),
    );
    expect(logboek.find((e) => e.verwerkingsactiviteit === 'gemeente:LOGBOEK:TOEZICHT')).toMatchObject({
      partij: 'TOEZICHT', grondslag: 'WETTELIJKE_PLICHT', doel: 'TOEZICHT', categorie: 'LOGBOEK',
    });
    for (const { name, typeDefs } of subgraphs) {
      const closed = new Set(buildClosedWorld([{ name, typeDefs }]).map((e) => e.veld));
      for (const veld of Object.values(logboekLeesvelden(name)).flat()) expect(closed, `${name} ${veld}`).toContain(veld);
    }
    expect(logboekRegisterMarkdown(logboek)).toContain('| regisseur | `regisseur:LOGBOEK:TOEZICHT` | TOEZICHT');
  });
});
