/**
 * The settings every service shares for its logs and traces, parsed once from the environment:
 * `LOG_LEVEL`, `LOG_FORMAT` and `OTEL_EXPORTER_OTLP_ENDPOINT`. A bad value is one line naming it.
 */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogFormat = 'json' | 'pretty';

export interface ObservabilityConfig {
  /** The lowest level written (`LOG_LEVEL`). @default 'info' */
  readonly logLevel: LogLevel;
  /**
   * `json`: one JSON object per line, for a log collector; `pretty`: one short readable line per
   * event, for a person at a terminal (`LOG_FORMAT`). @default 'pretty' when stdout is a terminal, else 'json'
   */
  readonly logFormat: LogFormat;
  /**
   * The OTLP/HTTP collector's base URL (`OTEL_EXPORTER_OTLP_ENDPOINT`, e.g. `http://collector:4318`);
   * spans go to `<url>/v1/traces`. Unset: no tracing at all, nothing is recorded.
   */
  readonly otlpEndpoint: string | undefined;
}

type Env = Record<string, string | undefined>;

export function observabilityConfigFromEnv(env: Env = process.env, stdoutIsTty = Boolean(process.stdout.isTTY)): ObservabilityConfig {
  const level = (env['LOG_LEVEL'] ?? '').trim().toLowerCase() || 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new TypeError(`LOG_LEVEL moet een van ${LOG_LEVELS.join(', ')} zijn, niet "${env['LOG_LEVEL']}"`);
  }
  const format = (env['LOG_FORMAT'] ?? '').trim().toLowerCase() || (stdoutIsTty ? 'pretty' : 'json');
  if (format !== 'json' && format !== 'pretty') throw new TypeError(`LOG_FORMAT moet json of pretty zijn, niet "${env['LOG_FORMAT']}"`);
  const raw = (env['OTEL_EXPORTER_OTLP_ENDPOINT'] ?? '').trim();
  let otlpEndpoint: string | undefined;
  if (raw) {
    let url: URL | undefined;
    try {
      url = new URL(raw);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new TypeError(`OTEL_EXPORTER_OTLP_ENDPOINT moet een http(s)-URL zijn (zoals http://collector:4318), niet "${raw}"`);
    }
    otlpEndpoint = raw.replace(/\/+$/, '');
  }
  return Object.freeze({ logLevel: level as LogLevel, logFormat: format, otlpEndpoint });
}
