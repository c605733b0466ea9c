import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalJson, chainContent, chainHash, chainText, linkRows, type ChainFields } from './chain.js';

const base: ChainFields = {
  seq: 1,
  segment: 1,
  traceId: 'a'.repeat(32),
  spanId: 'b'.repeat(16),
  parentSpanId: null,
  verwerkingsactiviteitId: 'gemeente:IDENTITEIT:PASSENDE_ONDERSTEUNING',
  betrokkene: 'p-123',
  trajectId: 't-1',
  partij: 'GEMEENTE',
  organisatie: 'gemeente-venlo',
  velden: ['Inwoner.adres', 'Inwoner.naam'],
  categorieen: ['IDENTITEIT'],
  toegestaan: true,
  reden: null,
  grondslag: 'WMO_PUBLIEKE_TAAK',
  doel: 'PASSENDE_ONDERSTEUNING',
  fase: 'ONDERZOEK',
  relatie: 'EIGEN_GEMEENTE',
  toestemmingId: null,
  doorbrekingId: null,
  tijdstip: new Date('2025-03-01T10:00:00.123Z'),
};

describe('canonical JSON', () => {
  it('sorts keys at every depth, writes ISO timestamps and leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [new Date(0), null], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":["1970-01-01T00:00:00.000Z",null]},"b":1}',
    );
  });

  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
      }),
    );
  });

  it('writes exactly the definition (keys sorted, values as JSON.stringify writes them), for any JSON-like value', () => {
    // The definition: keys sorted by UTF-16 code unit, values as JSON.stringify writes them. The
    // object's text is joined here rather than left to JSON.stringify, which writes integer-like keys
    // ("0") before all others whatever the order they were added in (fast-check found {"": …, "0": …}).
    const definition = (value: unknown): string => {
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : definition(v))).join(',')}]`;
      if (value !== null && typeof value === 'object') {
        const entries = Object.keys(value)
          .sort()
          .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
          .map((key) => `${JSON.stringify(key)}:${definition((value as Record<string, unknown>)[key])}`);
        return `{${entries.join(',')}}`;
      }
      return JSON.stringify(value);
    };
    const leaf = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ unit: 'binary' }), fc.date({ noInvalidDate: true }));
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value')), fc.dictionary(fc.string({ unit: 'binary' }), tie('value'))),
    }));
    fc.assert(
      fc.property(value, (v) => {
        if (v === undefined) return;
        expect(canonicalJson(v)).toBe(definition(v));
      }),
      { numRuns: 500 },
    );
    expect(canonicalJson({ '': 1, '0': 2 })).toBe('{"":1,"0":2}');
  });

  it('hashes a record to the same bytes as every earlier version of the writer (rows already in logs)', () => {
    expect(chainHash(GENESIS_HASH, base)).toBe('a725c13db427e64276b5d0e421abc3bc796fba020bc3ca51d348cdfa354c9eac');
  });

  it('refuses values without one canonical text', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(10n)).toThrow();
    expect(() => canonicalJson(new Map())).toThrow();
    expect(() => canonicalJson(new Date('nope'))).toThrow();
  });
});

describe('hash chain', () => {
  it('is sha256 over the previous hash and the canonical content (reproducible by an auditor)', async () => {
    const { createHash } = await import('node:crypto');
    const expected = createHash('sha256')
      .update(GENESIS_HASH + canonicalJson(chainContent(base)))
      .digest('hex');
    expect(chainHash(GENESIS_HASH, base)).toBe(expected);
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
    expect(canonicalJson(chainContent(base))).toContain('"tijdstip":"2025-03-01T10:00:00.123Z"');
  });

  it('changes when any content field changes, and when the previous hash changes', () => {
    const h = chainHash(GENESIS_HASH, base);
    const changes: Partial<ChainFields>[] = [
      { seq: 2 },
      { segment: 2 },
      { betrokkene: 'p-124' },
      { organisatie: 'gemeente-weert' },
      { velden: ['Inwoner.naam'] },
      { toegestaan: false },
      { grondslag: 'CONFLICT_VAN_PLICHTEN' },
      { doorbrekingId: 'd-1' },
      { tijdstip: new Date('2025-03-01T10:00:00.124Z') },
      { parentSpanId: 'c'.repeat(16) },
    ];
    for (const change of changes) expect(chainHash(GENESIS_HASH, { ...base, ...change })).not.toBe(h);
    expect(chainHash('1'.repeat(64), base)).not.toBe(h);
  });

  it('writes the canonical text of a row straight from it, exactly as canonicalJson(chainContent(row)), for any row', () => {
    const text = fc.option(fc.string({ unit: 'binary' }), { nil: null });
    const row: fc.Arbitrary<ChainFields> = fc.record({
      seq: fc.integer({ min: 0 }),
      segment: fc.integer({ min: 0 }),
      traceId: fc.string({ unit: 'binary' }),
      spanId: fc.string({ unit: 'binary' }),
      parentSpanId: text,
      verwerkingsactiviteitId: fc.string({ unit: 'binary' }),
      betrokkene: text,
      trajectId: text,
      partij: fc.string(),
      organisatie: text,
      velden: fc.array(fc.string({ unit: 'binary' })),
      categorieen: fc.array(fc.string()),
      toegestaan: fc.boolean(),
      reden: text,
      grondslag: fc.string(),
      doel: fc.string(),
      fase: text,
      relatie: text,
      toestemmingId: text,
      doorbrekingId: text,
      tijdstip: fc.date({ noInvalidDate: true }),
    }) as fc.Arbitrary<ChainFields>;
    fc.assert(
      fc.property(row, (r) => {
        expect(chainText(r)).toBe(canonicalJson(chainContent(r)));
        expect(chainText({ ...r, parentSpanId: undefined } as unknown as ChainFields)).toBe(canonicalJson(chainContent({ ...r, parentSpanId: undefined } as unknown as ChainFields)));
      }),
      { numRuns: 500 },
    );
  });

  it('links each row to the one before it', () => {
    const rows = linkRows(GENESIS_HASH, [base, { ...base, seq: 2 }, { ...base, seq: 3 }]);
    expect(rows[0]!.vorigeHash).toBe(GENESIS_HASH);
    expect(rows[1]!.vorigeHash).toBe(rows[0]!.hash);
    expect(rows[2]!.vorigeHash).toBe(rows[1]!.hash);
    expect(rows[2]!.hash).toBe(chainHash(rows[1]!.hash, { ...base, seq: 3 }));
  });
});
