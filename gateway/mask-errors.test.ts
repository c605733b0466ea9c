/**
 * What a partner sees of an error: the meaning of a refusal or known failure kept, the gateway's own
 * traffic left out, an unreachable subgraph named, a true internal error masked (and only that one
 * keeps its stack for the operator).
 */
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskGatewayError, SUBGRAAF_ONBEREIKBAAR } from './mask-errors.js';

const MESSAGE = 'Unexpected error.';
const path = ['trajecten', 3, 'inwoner'];

/** A subgraph's refusal as the delegation hands it on: relocated, its original inside. */
function relocatedRefusal(): GraphQLError {
  const fromSubgraph = new GraphQLError('Dosering: Inwoner.naam geweigerd — niet toegestaan in de huidige fase van het traject.', {
    path: ['_entities', 3, 'inwoner'],
    extensions: { code: 'DOSERING_GEWEIGERD', reden: 'FASE', serviceName: 'gemeente', request: { body: '{"query":"…"}' }, response: { status: 200 } },
  });
  return new GraphQLError(fromSubgraph.message, { path, originalError: fromSubgraph, extensions: fromSubgraph.extensions });
}

describe('maskGatewayError', () => {
  it('keeps a refusal\'s message, code, reason, subgraph and path, and drops the gateway\'s own traffic', () => {
    const masked = maskGatewayError(relocatedRefusal(), MESSAGE) as GraphQLError;
    expect(masked.message).toMatch(/^Dosering: Inwoner\.naam geweigerd/);
    expect(masked.path).toEqual(path);
    expect(masked.extensions).toEqual({ code: 'DOSERING_GEWEIGERD', reden: 'FASE', serviceName: 'gemeente' });
  });

  it('makes a refusal without a stack: it is data, made by the dozen per answer', () => {
    const masked = maskGatewayError(relocatedRefusal(), MESSAGE);
    expect(masked.stack?.split('\n')).toHaveLength(1);
    expect(Error.stackTraceLimit).toBeGreaterThan(0);
  });

  it('names the subgraph that could not be reached', () => {
    const cause = new GraphQLError('fetch failed', { extensions: { code: 'SUBREQUEST_HTTP_ERROR' as never, serviceName: 'corporatie' } });
    const masked = maskGatewayError(new GraphQLError('x', { path, originalError: cause }), MESSAGE) as GraphQLError;
    expect(masked.extensions).toEqual({ code: SUBGRAAF_ONBEREIKBAAR, serviceName: 'corporatie' });
    expect(masked.message).toContain('corporatie');
  });

  it('masks a true internal error, and keeps a stack for it', () => {
    const masked = maskGatewayError(new TypeError("Cannot read properties of undefined (reading 'naam')"), MESSAGE) as GraphQLError;
    expect(masked.message).toBe(MESSAGE);
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(masked.stack?.split('\n').length).toBeGreaterThan(1);
  });

  it('says a GET parameter that is no JSON is the caller\'s input', () => {
    let syntax: unknown;
    try {
      JSON.parse('{niet');
    } catch (e) {
      syntax = e;
    }
    const masked = maskGatewayError(syntax, MESSAGE) as GraphQLError;
    expect(masked.extensions['code']).toBe('ONGELDIGE_JSON');
  });
});
