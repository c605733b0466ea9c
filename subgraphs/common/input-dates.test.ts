/**
 * The date inputs of the acts: what counts as a date, and which inputs the naming convention makes
 * date inputs — listed, so a new one (or a renamed one that slipped out of the convention) is seen.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { getNamedType, isInputObjectType, type GraphQLInputType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES, SUBGRAPH_TYPEDEFS } from '../catalog.js';
import { isDatum, isDatumNaam, ongeldigeDatums } from './input-dates.js';

function dateInputs(): string[] {
  const out = new Set<string>();
  for (const name of SUBGRAPH_NAMES) {
    const schema = buildSubgraphSchema([{ typeDefs: SUBGRAPH_TYPEDEFS[name]() }]);
    const walk = (type: GraphQLInputType, field: string, coordinate: string, seen: Set<string>): void => {
      const t = getNamedType(type);
      if (isInputObjectType(t)) {
        if (seen.has(t.name)) return;
        for (const f of Object.values(t.getFields())) walk(f.type, f.name, `${t.name}.${f.name}`, new Set([...seen, t.name]));
      } else if (t.name === 'String' && isDatumNaam(field)) out.add(coordinate);
    };
    for (const f of Object.values(schema.getMutationType()?.getFields() ?? {})) for (const a of f.args) walk(a.type, a.name, `Mutation.${f.name}(${a.name})`, new Set());
  }
  return [...out].sort();
}

describe('date inputs', () => {
  it('accepts real dates and moments with their zone, nothing else', () => {
    for (const ok of ['2026-11-10', '2024-02-29', '2026-11-10T09:30:00Z', '2026-11-10T09:30:00.123+01:00', '2026-11-10T09:30Z']) expect(isDatum(ok), ok).toBe(true);
    for (const bad of ['2026-13-45', '2025-02-29', '2026-02-30', '10-11-2026', '2026-11-10T09:30:00', '2026-11-10 09:30', 'morgen', '', '2026-11-10T25:00:00Z']) expect(isDatum(bad), bad).toBe(false);
  });

  it('names every bad date by its path, through input objects and lists, and never its value', () => {
    const defs = buildSubgraphSchema([{ typeDefs: SUBGRAPH_TYPEDEFS.gemeente() }]).getMutationType()!.getFields()['legOnderzoekVast']!.args;
    const args = { trajectId: 't', input: { gesprekOp: '2026-13-45', geboortedatum: '1990-05-17', woonsituatie: 'Opvang' } };
    expect(ongeldigeDatums(args, Object.fromEntries(defs.map((a) => [a.name, a])))).toEqual(['input.gesprekOp']);
  });

  it('the convention covers exactly these inputs of the acts', () => {
    expect(dateInputs()).toEqual([
      'CasusoverlegBesluitInput.toestemmingGegevenOp',
      'CasusoverlegBesluitInput.tot',
      'DocumentInput.geldigTot',
      'DoelgroepUitzonderingInput.besprokenOp',
      'DoorbrekingInput.tot',
      'EvaluatieInput.datum',
      'GarantieBesluitInput.besprokenInOverlegOp',
      'GarantieaanvraagFormulier.datumBeeindiging',
      'HuurovereenkomstInput.ingangsdatum',
      'MeldingInput.machtigingOp',
      'Mutation.beeindigHuur(datum)',
      'Mutation.registreerBijdrage(betaaldOp)',
      'OndersteuningsplanInput.ondertekendOp',
      'OnderzoekInput.geboortedatum',
      'OnderzoekInput.gesprekOp',
      'ToestemmingInput.gegevenOp',
      'ToestemmingInput.geldigTot',
      'WoningaanbodInput.beschikbaarPer',
    ]);
  });

  it('checks every input whose description promises a date: the contract and the check cannot drift apart', () => {
    const promised = new Set<string>();
    for (const name of SUBGRAPH_NAMES) {
      const schema = buildSubgraphSchema([{ typeDefs: SUBGRAPH_TYPEDEFS[name]() }]);
      for (const type of Object.values(schema.getTypeMap())) {
        if (!isInputObjectType(type)) continue;
        for (const f of Object.values(type.getFields())) if (/YYYY-MM-DD/.test(f.description ?? '')) promised.add(`${type.name}.${f.name}`);
      }
      for (const f of Object.values(schema.getMutationType()?.getFields() ?? {})) {
        for (const a of f.args) if (/YYYY-MM-DD/.test(a.description ?? '')) promised.add(`Mutation.${f.name}(${a.name})`);
      }
    }
    expect(promised.size).toBeGreaterThan(10);
    expect([...promised].filter((c) => !dateInputs().includes(c))).toEqual([]);
  });
});
