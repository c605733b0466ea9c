import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { staticVerdict } from './use-static-dosing.js';

const schema = buildSchema(`type Query { geheim: String, open: String }`);

describe('static dosing', () => {
  it('refuses each never-visible field, and past graphql-js’s limit of 100 still says DOSERING_GEWEIGERD, never an error without a code', () => {
    const document = parse(`{ ${Array.from({ length: 120 }, (_, i) => `g${i}: geheim`).join(' ')} open }`);
    const errors = staticVerdict(schema, document, 'WERKGROEP', new Set(['Query.geheim']));
    expect(errors.length).toBe(101);
    expect(errors.every((e) => e.extensions['code'] === 'DOSERING_GEWEIGERD' && e.extensions['reden'] === 'PARTIJ')).toBe(true);
    expect(errors[0]!.extensions['veld']).toBe('Query.geheim');
    expect(errors.at(-1)!.message).toMatch(/stopte na 100/);
    expect(staticVerdict(schema, parse('{ open }'), 'WERKGROEP', new Set(['Query.geheim']))).toEqual([]);
  });
});
