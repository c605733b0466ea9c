/**
 * The check before registration and the derivation a privacy officer approves, on the checked-in
 * supergraph: what an operation can touch follows from the `@dosering` of the fields it selects,
 * through fragments and across subgraphs; nothing more, nothing less.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUPERGRAPH_FILE } from '../supergraph.js';
import { createDocumentCheck, type Beoordeling } from './check.js';

const check = createDocumentCheck({ supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8') });

function operaties(b: Beoordeling) {
  if (!b.geldig) throw new Error(`ongeldig: ${b.fouten.join('; ')}`);
  return b.operaties;
}
const categorieen = (b: Beoordeling) => operaties(b).flatMap((o) => o.verwerkingen.map((v) => v.categorie));

const TRAJECT = { categorie: 'TRAJECT', grondslag: 'WMO_PUBLIEKE_TAAK', doel: 'MATCH_BEMIDDELING', bijzonder: false, alleenMetToestemming: false };

describe('deriving what a document can touch', () => {
  it('lists the category, basis and purpose of inwoner { naam }, a field of another subgraph', () => {
    const [op] = operaties(check('query Naam($id: ID!) { traject(id: $id) { fase inwoner { naam } } }', 'CORPORATIE'));
    expect(op).toEqual({
      naam: 'Naam',
      soort: 'query',
      verwerkingen: [
        { ...TRAJECT, velden: ['Query.traject', 'Traject.fase'] },
        { categorie: 'IDENTITEIT', grondslag: 'WMO_PUBLIEKE_TAAK', doel: 'PASSENDE_ONDERSTEUNING', velden: ['Inwoner.naam'], bijzonder: false, alleenMetToestemming: false },
      ],
    });
  });

  it('lists no identity for a document that touches only fase', () => {
    const [op] = operaties(check('query Fase($id: ID!) { traject(id: $id) { fase } }', 'CORPORATIE'));
    expect(op!.verwerkingen).toEqual([{ ...TRAJECT, velden: ['Query.traject', 'Traject.fase'] }]);
  });

  it('marks a special category the party reads only with the resident’s consent', () => {
    const [op] = operaties(check('{ traject(id: "x") { inwoner { gezondheid } } }', 'CORPORATIE'));
    expect(op!.verwerkingen.find((v) => v.categorie === 'GEZONDHEID')).toMatchObject({ velden: ['Inwoner.gezondheid'], bijzonder: true, alleenMetToestemming: true });
    // The resident's own gemeente researched it on its own basis.
    const [eigen] = operaties(check('{ traject(id: "x") { inwoner { gezondheid } } }', 'GEMEENTE'));
    expect(eigen!.verwerkingen.find((v) => v.categorie === 'GEZONDHEID')).toMatchObject({ bijzonder: true, alleenMetToestemming: false });
  });

  it('follows named and inline fragments', () => {
    const doc = `
      query Via($id: ID!) { traject(id: $id) { ...Persoon } }
      fragment Persoon on Traject { inwoner { ... on Inwoner { telefoon } ...Naam } }
      fragment Naam on Inwoner { naam }`;
    expect(categorieen(check(doc, 'GEMEENTE'))).toEqual(['TRAJECT', 'IDENTITEIT', 'CONTACT']);
  });

  it('counts a list whose items are not read as what it stands for (its existence and count are data)', () => {
    expect(categorieen(check('{ traject(id: "x") { documenten { __typename } } }', 'GEMEENTE'))).toEqual(['TRAJECT', 'DOCUMENTEN']);
  });

  it('derives each operation of a document on its own', () => {
    const ops = operaties(check('query A { traject(id: "x") { fase } } query B { traject(id: "x") { inwoner { naam } } }', 'GEMEENTE'));
    expect(ops.map((o) => [o.naam, o.verwerkingen.map((v) => v.categorie)])).toEqual([
      ['A', ['TRAJECT']],
      ['B', ['TRAJECT', 'IDENTITEIT']],
    ]);
  });
});

describe('refusing a document before registration', () => {
  it('refuses a field outside the party’s contract, as the gateway would', () => {
    const b = check('{ traject(id: "x") { inwoner { naam } } }', 'GARANTIEFONDS');
    expect(b.geldig).toBe(false);
  });

  it('refuses text that is no GraphQL, an unknown field, and a document without an operation', () => {
    for (const tekst of ['{ traject(id: "x") { ', '{ traject(id: "x") { bestaatNiet } }', 'fragment F on Traject { fase }']) {
      const b = check(tekst, 'GEMEENTE');
      expect(b.geldig, tekst).toBe(false);
      if (!b.geldig) expect(b.fouten.join(' ')).not.toMatch(/Did you mean/);
    }
  });

  it('refuses a document over the operation limits', () => {
    const b = check(`{ ${Array.from({ length: 60 }, (_, i) => `a${i}: traject(id: "x") { fase }`).join(' ')} }`, 'GEMEENTE');
    expect(b.geldig).toBe(false);
    if (!b.geldig) expect(b.fouten[0]).toMatch(/Operatie te groot/);
  });
});
