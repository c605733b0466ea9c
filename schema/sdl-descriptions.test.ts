/**
 * Guard over what partners send: every field of every input type and every argument of every
 * mutation, in every subgraph, says what it means (format, unit, allowed values, which act needs it,
 * what is refused), so a partner can send it right from the contract alone (issue 15, item 2).
 * Query arguments are held to the same rule.
 */
import { Kind, parse, type DocumentNode, type InputValueDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SUBGRAPH_NAMES, SUBGRAPH_TYPEDEFS } from '../subgraphs/catalog.js';

const SUBGRAPHS = SUBGRAPH_NAMES.map((name) => ({ name, doc: SUBGRAPH_TYPEDEFS[name]() as DocumentNode }));

const described = (n: { description?: { value: string } | undefined }) => (n.description?.value.trim().length ?? 0) > 0;

/** Coordinates (`Type.veld`, `Mutation.act(arg)`) of the inputs in `doc` that carry no description. */
function undescribedInputs(doc: DocumentNode): { inputFields: string[]; mutationArgs: string[]; queryArgs: string[] } {
  const out = { inputFields: [] as string[], mutationArgs: [] as string[], queryArgs: [] as string[] };
  for (const d of doc.definitions) {
    if (d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || d.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) {
      for (const f of d.fields ?? []) if (!described(f)) out.inputFields.push(`${d.name.value}.${f.name.value}`);
    }
    if ((d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && (d.name.value === 'Mutation' || d.name.value === 'Query')) {
      const into = d.name.value === 'Mutation' ? out.mutationArgs : out.queryArgs;
      for (const f of d.fields ?? []) {
        for (const a of f.arguments ?? ([] as readonly InputValueDefinitionNode[])) if (!described(a)) into.push(`${d.name.value}.${f.name.value}(${a.name.value})`);
      }
    }
  }
  return out;
}

const UNDESCRIBED = SUBGRAPHS.map(({ name, doc }) => ({ name, ...undescribedInputs(doc) }));
const all = (key: 'inputFields' | 'mutationArgs' | 'queryArgs') => UNDESCRIBED.flatMap((u) => u[key].map((c) => `${u.name}: ${c}`)).sort();

describe('every input a partner sends is described', () => {
  it('finds what lacks a description (input fields, mutation and query arguments), and nothing else', () => {
    const doc = parse(`
      input A { "described" x: String y: Int }
      extend input A { z: Boolean }
      type Mutation { doe("described" a: ID!, b: String): Int laat: Int }
      type Query { lees(c: ID, "described" d: Int): Int }
      type Other { veld(e: Int): Int }
    `);
    expect(undescribedInputs(doc)).toEqual({ inputFields: ['A.y', 'A.z'], mutationArgs: ['Mutation.doe(b)'], queryArgs: ['Query.lees(c)'] });
    expect(undescribedInputs(parse('input B { "  " x: String }')).inputFields).toEqual(['B.x']);
  });

  it('covers inputs of all four subgraphs', () => {
    for (const { name, doc } of SUBGRAPHS) {
      expect(doc.definitions.some((d) => d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION), name).toBe(true);
    }
  });

  it('describes every field of every input type, in every subgraph', () => {
    expect(all('inputFields')).toEqual([]);
  });

  it('describes every argument of every mutation, in every subgraph', () => {
    expect(all('mutationArgs')).toEqual([]);
  });

  it('describes every argument of every query, in every subgraph', () => {
    expect(all('queryArgs')).toEqual([]);
  });
});
