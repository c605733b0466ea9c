/**
 * The one structured logger of the gateway and the subgraphs (pino): one JSON object per line with
 * `time`, `level`, `service` and `msg`, plus `traceId` (and the service's `spanId`) where a request
 * is in scope. What a line may hold is the operation's name, codes, paths, counts and durations —
 * never a variable, a token, a query text, a resident's id, name or BSN. Errors are one field
 * (`err`) holding the type, a scrubbed message and the stack frames, so a stack never spreads over
 * lines and a driver's message never carries a query parameter (`safeError`).
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogFormat, LogLevel } from './config.js';
import { prettyDestination } from './log-pretty.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** @default 'info' */
  readonly level?: LogLevel;
  /** @default 'json' */
  readonly format?: LogFormat;
  /** Where lines go (tests capture them). @default stdout */
  readonly destination?: DestinationStream;
}

/** The process's root logger; each service takes `root.child({ service })`. */
export function createLogger({ level = 'info', format = 'json', destination }: LoggerOptions = {}): Logger {
  const out = destination ?? pino.destination({ dest: 1, sync: true });
  return pino(
    {
      level,
      // No pid or hostname: a collector adds where a line came from; `service` says which part.
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: safeError },
    },
    format === 'pretty' ? prettyDestination(out) : out,
  );
}

/** A logger that writes nothing (scripts and tests that do not look at logs). */
export const silentLogger = (): Logger => pino({ level: 'silent' });

/** Driver and database fields that name a place in the schema, never a value. */
const SCHEMA_FIELDS = ['schema_name', 'table_name', 'column_name', 'constraint_name', 'routine'] as const;

/**
 * What of an error may be logged: its type, code, the schema place a database error names, the
 * stack frames, and its message with every quoted part, long digit run and e-mail address blanked
 * and everything from `params:` on cut (drizzle's failed-query message lists the parameters; a
 * PostgreSQL message quotes the value it refused). Causes follow, three deep.
 */
export function safeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: scrub(String(error)) };
  const e = error as Error & Record<string, unknown>;
  const out: Record<string, unknown> = { type: e.name, message: scrub(e.message) };
  if (typeof e['code'] === 'string' || typeof e['code'] === 'number') out['code'] = String(e['code']);
  for (const field of SCHEMA_FIELDS) if (typeof e[field] === 'string') out[field] = e[field];
  const frames = (e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l)).map((l) => l.trim());
  if (frames.length) out['stack'] = frames.join('\n');
  if (e.cause !== undefined && depth < 3) out['cause'] = safeError(e.cause, depth + 1);
  return out;
}

export function scrub(message: string): string {
  return message
    .split(/\bparams:/)[0]!
    .replace(/"[^"]*"|'[^']*'|`[^`]*`/g, '"…"')
    .replace(/[^\s@"]+@[^\s@"]+/g, '…@…')
    .replace(/\d{6,}/g, '#')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 500);
}
