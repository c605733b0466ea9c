/**
 * Test support only: one process of the two-process group-commit test
 * (`writer-group-commit.test.ts`). Run as `node --import tsx load-writer.ts '<json>'` with an IPC
 * channel. It opens its own pool and its own writer on the given log, says `ready`, waits for `go`
 * (so both processes write at the same time), writes `requests` requests with `inFlight` in flight,
 * and reports how many batches that took and how many requests failed.
 */
import { pgSchema } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import type { Db } from '../database.js';
import { allowed, consulent, field } from './fixtures.js';
import { logboekTables } from './tables.js';
import { createLogboekWriter } from './writer.js';

export interface LoadWriterJob {
  readonly url: string;
  readonly schema: string;
  /** Distinguishes this process's requests from the other's. */
  readonly tag: string;
  readonly requests: number;
  readonly inFlight: number;
}

export interface LoadWriterResult {
  readonly batches: number;
  readonly failed: number;
}

/** The trace id of request `i` of process `tag`: 32 characters, unique across both processes. */
export const loadTraceId = (tag: string, i: number) => `${tag}-${i}`.padStart(32, '0');

/** Request `i` touches `loadRows(i)` cases, so batches mix requests of different sizes. */
export const loadRows = (i: number) => 1 + (i % 3);

const naam = field('Inwoner.naam');

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '') as LoadWriterJob;
  const client = postgres(job.url, { max: 10, onnotice: () => {} });
  let batches = 0;
  const write = createLogboekWriter({
    db: drizzle({ client }) as unknown as Db,
    timeBatch: (batch) => ((batches += 1), batch()),
    schema: job.schema,
    subgraph: 'gemeente',
    tables: logboekTables(pgSchema(job.schema)),
  });
  process.send!('ready');
  await once(process, 'message');

  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: job.inFlight }, async () => {
      while (next < job.requests) {
        const i = next++;
        const traceId = loadTraceId(job.tag, i);
        const records = Array.from({ length: loadRows(i) }, (_, k) => allowed(`${traceId}-${k}`, `p-${k}`, naam));
        await write(records, {
          caller: consulent,
          traceId,
          spanId: i.toString(16).padStart(16, '0'),
          operationName: 'Load',
          subgraph: 'gemeente',
        }).catch(() => void (failed += 1));
      }
    }),
  );
  const result: LoadWriterResult = { batches, failed };
  process.send!(result);
  await client.end({ timeout: 5 });
  process.disconnect();
}

// Only when run as the script: the test imports the naming rules above.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
