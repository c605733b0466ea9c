/**
 * `LOG_FORMAT=pretty` (the default at a terminal): the same events as the JSON lines, one short
 * line each — time, level, service, message, then the other fields as `key=value` — so `npm start`
 * stays readable for a person. A log collector gets JSON (stdout not a terminal).
 */
import type { DestinationStream } from 'pino';

const LEVELS: Record<string, string> = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO ', warn: 'WARN ', error: 'ERROR', fatal: 'FATAL' };

function value(v: unknown): string {
  if (v && typeof v === 'object' && 'type' in v && 'message' in v) {
    const e = v as { type: unknown; message: unknown; stack?: unknown };
    const at = typeof e.stack === 'string' ? ` (${e.stack.split('\n')[0]})` : '';
    return `${String(e.type)}: ${String(e.message)}${at}`;
  }
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Formats one JSON line; anything that is not one passes unchanged. */
export function prettyLine(line: string): string {
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const { time, level, service, msg, ...rest } = event;
  const clock = typeof time === 'string' ? time.slice(11, 23) : '';
  const fields = Object.entries(rest).map(([k, v]) => `${k}=${value(v)}`);
  return `${clock} ${LEVELS[String(level)] ?? String(level)} ${String(service ?? '-').padEnd(13)} ${String(msg ?? '')}${fields.length ? `  ${fields.join(' ')}` : ''}\n`;
}

export function prettyDestination(out: DestinationStream): DestinationStream {
  return { write: (line: string) => out.write(prettyLine(line.trimEnd())) };
}
