/**
 * The connections' cursors: sealed positions. They round-trip, differ on every issue, show nothing
 * readable, and are refused (ONGELDIGE_INVOER naming the argument) when malformed, tampered, of
 * another list, of another key or of another shape.
 */
import { randomBytes } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createCursorCodec } from './cursor.js';

const codec = createCursorCodec(randomBytes(32));
const POSITIE = ['2026-03-04T09:30:00.000Z', '6f1c2b9e-0000-4000-8000-000000000001'] as const;

function refusal(run: () => unknown): Record<string, unknown> | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions;
  }
  return undefined;
}

describe('cursor codec', () => {
  it('opens what it sealed, gives another string every time, and hides the values', () => {
    const a = codec.encode('trajecten', POSITIE);
    const b = codec.encode('trajecten', POSITIE);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    for (const c of [a, b]) expect(codec.decode('trajecten', c, 2, 'after')).toEqual(POSITIE);
    const inside = Buffer.from(a, 'base64url').toString('latin1');
    expect(inside).not.toContain('2026');
    expect(inside).not.toContain('6f1c2b9e');
  });

  it('refuses garbage, a flipped bit, another list, another key and another shape, naming the argument', () => {
    const good = codec.encode('trajecten', POSITIE);
    const bytes = Buffer.from(good, 'base64url');
    bytes[bytes.length - 20]! ^= 1;
    const cases = [
      () => codec.decode('trajecten', 'garbage', 2, 'after'),
      () => codec.decode('trajecten', '', 2, 'after'),
      () => codec.decode('trajecten', 'x'.repeat(5000), 2, 'after'),
      () => codec.decode('trajecten', bytes.toString('base64url'), 2, 'after'),
      () => codec.decode('garantieaanvragen', good, 2, 'after'),
      () => createCursorCodec(randomBytes(32)).decode('trajecten', good, 2, 'after'),
      () => codec.decode('trajecten', good, 1, 'after'),
      () => codec.decode('trajecten', codec.encode('trajecten', [1, { x: 1 } as never]), 2, 'after'),
    ];
    for (const run of cases) expect(refusal(run)).toEqual({ code: 'ONGELDIGE_INVOER', veld: 'after' });
  });
});
