import { describe, expect, it } from 'vitest';
import { mayBeForged } from './use-csrf-prevention.js';

const request = (method: string, headers: Record<string, string>) => new Request('http://gateway/graphql', { method, headers, ...(method === 'POST' ? { body: '' } : {}) });

describe('which requests a browser could send cross-site without a preflight', () => {
  it('counts the simple content types and no content type at all, however they are spelled', () => {
    for (const type of ['application/x-www-form-urlencoded', 'Multipart/Form-Data; boundary=x', 'text/plain;charset=UTF-8', ' text/plain ']) {
      expect(mayBeForged(request('POST', { 'content-type': type })), type).toBe(true);
    }
    expect(mayBeForged(request('GET', {}))).toBe(true);
  });

  it('trusts any other content type, or a preflight-forcing header with a value', () => {
    expect(mayBeForged(request('POST', { 'content-type': 'application/json' }))).toBe(false);
    expect(mayBeForged(request('POST', { 'content-type': 'application/graphql-response+json' }))).toBe(false);
    expect(mayBeForged(request('GET', { 'apollo-require-preflight': 'true' }))).toBe(false);
    expect(mayBeForged(request('POST', { 'content-type': 'text/plain', 'x-apollo-operation-name': 'Q' }))).toBe(false);
    expect(mayBeForged(request('GET', { 'apollo-require-preflight': '' }))).toBe(true);
  });
});
