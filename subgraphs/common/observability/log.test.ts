import { describe, expect, it } from 'vitest';
import { observabilityConfigFromEnv } from './config.js';
import { createLogger, safeError } from './log.js';
import { prettyLine } from './log-pretty.js';

const capture = (format: 'json' | 'pretty' = 'json') => {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', format, destination: { write: (l: string) => void lines.push(l) } });
  return { logger, lines };
};

describe('the structured logger', () => {
  it('writes one JSON line per event with time, level, service and msg, and the error as one field', () => {
    const { logger, lines } = capture();
    logger.child({ service: 'gemeente' }).error({ traceId: 'a'.repeat(32), err: new Error('kapot') }, 'interne fout');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.trimEnd()).not.toContain('\n');
    const record = JSON.parse(lines[0]!);
    expect(record).toMatchObject({ level: 'error', service: 'gemeente', msg: 'interne fout', traceId: 'a'.repeat(32), err: { type: 'Error', message: 'kapot' } });
    expect(record.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(record.err.stack).toMatch(/^at /);
    expect(record.err.stack).not.toContain('kapot');
  });

  it('keeps a driver’s parameters and quoted values out: drizzle’s params, PostgreSQL’s refused value, digits, e-mail', () => {
    const pg = Object.assign(new Error('invalid input syntax for type date: "1990-13-45" for piet@voorbeeld.nl, 123456789'), { code: '22007', table_name: 'inwoners', detail: 'Key (bsn)=(123456789)' });
    const drizzle = new Error('Failed query: insert into "gemeente"."inwoners" ("naam") values ($1)\nparams: Piet Jansen,0612345678', { cause: pg });
    const out = safeError(drizzle);
    const text = JSON.stringify(out);
    for (const secret of ['Piet Jansen', '0612345678', '1990-13-45', 'piet@voorbeeld.nl', '123456789']) expect(text).not.toContain(secret);
    expect(out).toMatchObject({ type: 'Error', message: 'Failed query: insert into "…"."…" ("…") values ($1)', cause: { code: '22007', table_name: 'inwoners' } });
    expect(out['cause']).not.toHaveProperty('detail');
  });

  it('prints a short readable line per event for a terminal', () => {
    const line = prettyLine(JSON.stringify({ time: '2026-12-02T15:00:01.234Z', level: 'warn', service: 'gateway', msg: 'overbelast', inFlight: 3, err: { type: 'Error', message: 'x', stack: 'at a\nat b' } }));
    expect(line).toBe('15:00:01.234 WARN  gateway       overbelast  inFlight=3 err=Error: x (at a)\n');
  });
});

describe('observability settings', () => {
  it('defaults to info, pretty at a terminal and JSON otherwise, and no tracing', () => {
    expect(observabilityConfigFromEnv({}, true)).toEqual({ logLevel: 'info', logFormat: 'pretty', otlpEndpoint: undefined });
    expect(observabilityConfigFromEnv({}, false).logFormat).toBe('json');
    expect(observabilityConfigFromEnv({ LOG_FORMAT: 'json', LOG_LEVEL: 'WARN', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }, true)).toEqual({
      logLevel: 'warn',
      logFormat: 'json',
      otlpEndpoint: 'http://collector:4318',
    });
  });

  it('refuses a bad value with one line naming the setting', () => {
    expect(() => observabilityConfigFromEnv({ LOG_LEVEL: 'loud' })).toThrow(/^LOG_LEVEL moet een van fatal, error, warn, info, debug, trace, silent zijn, niet "loud"$/);
    expect(() => observabilityConfigFromEnv({ LOG_FORMAT: 'xml' })).toThrow(/^LOG_FORMAT/);
    expect(() => observabilityConfigFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/^OTEL_EXPORTER_OTLP_ENDPOINT/);
  });
});
