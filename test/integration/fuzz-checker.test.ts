/**
 * The fuzz's judge of refused values (`checkAnswer`): a refusal whose value is in the answer is a
 * violation wherever the gateway put the refusal — at its own path, without a list index, or on
 * another case's index (as gateways on the graphql-tools planner do, graphql-tools#2950) — and a
 * misplaced refusal is not one.
 */
import { describe, expect, it } from 'vitest';
import { checkAnswer, type FuzzAnswer, type FuzzRequest } from '../helpers/fuzz-operations.js';

const request = { seed: 0, index: 0, kind: 'valid.query', method: 'POST', path: '/graphql', headers: {}, auth: { kind: 'none' } } as unknown as FuzzRequest;

function judge(data: unknown, path: (string | number)[], trajectId?: string) {
  const json = { data, errors: [{ message: 'geweigerd', path, extensions: { code: 'DOSERING_GEWEIGERD', ...(trajectId ? { trajectId } : {}) } }] };
  const answer: FuzzAnswer = { status: 200, contentType: 'application/json', text: JSON.stringify(json), json, ms: 1 };
  return checkAnswer(request, answer).map((v) => v.rule);
}

const page = (a: unknown, b: unknown) => ({ p: { edges: [{ node: { id: 'A', plan: a, inwoner: { naam: a } } }, { node: { id: 'B', plan: b, inwoner: { naam: b } } }] } });

describe('the fuzz judges refused values by case, not by the path alone', () => {
  it('a value at the refusal\'s own path is a violation', () => {
    expect(judge(page(null, 'lek'), ['p', 'edges', 1, 'node', 'plan'], 'B')).toEqual(['refused-value']);
    expect(judge(page(null, 'lek'), ['p', 'edges', 1, 'node', 'plan'])).toEqual(['refused-value']);
  });

  it('a refusal on another case\'s index is judged at its own case', () => {
    expect(judge(page('mag', null), ['p', 'edges', 0, 'node', 'plan'], 'B')).toEqual([]);
    expect(judge(page('mag', 'lek'), ['p', 'edges', 0, 'node', 'plan'], 'B')).toEqual(['refused-value']);
    expect(judge(page('mag', 'lek'), ['p', 'edges', 0, 'node', 'inwoner', 'naam'], 'B')).toEqual(['refused-value']);
    expect(judge(page('mag', null), ['p', 'edges', 0, 'node', 'inwoner', 'naam'], 'B')).toEqual([]);
  });

  it('a refusal without a list index is judged at every object of its case', () => {
    expect(judge(page(null, 'lek'), ['p', 'edges', 'node', 'plan'], 'B')).toEqual(['refused-value']);
    expect(judge(page('mag', null), ['p', 'edges', 'node', 'plan'], 'B')).toEqual([]);
  });
});
