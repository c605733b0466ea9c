/**
 * The JSON lines every service of a test federation logs, kept in memory: pass `logger` to
 * `startTestFederation`, then read `lines` (as written) or `records()` (parsed).
 */
import { createLogger, type Logger } from '../../subgraphs/common/observability/log.js';
import type { LogLevel } from '../../subgraphs/common/observability/config.js';

export interface CapturedLogs {
  readonly logger: Logger;
  readonly lines: string[];
  records(): Record<string, any>[];
  clear(): void;
}

export function captureLogs(level: LogLevel = 'debug'): CapturedLogs {
  const lines: string[] = [];
  const logger = createLogger({ level, format: 'json', destination: { write: (line: string) => void lines.push(line) } });
  return {
    logger,
    lines,
    records: () => lines.map((l) => JSON.parse(l) as Record<string, any>),
    clear: () => void (lines.length = 0),
  };
}
