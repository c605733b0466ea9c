import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../assemble.js';
import { SUBGRAPH_NAMES } from '../../catalog.js';
import { appendRoutineSql } from './append-routine.js';

describe('the log routine migrations', () => {
  // Migrations are static files; the routine's insert follows `tables.ts`. A column added there
  // without a new routine would be dropped from every batch, so each subgraph's newest routine
  // migration must be exactly what `print-sql.ts --toevoegen` prints today.
  it.each(SUBGRAPH_NAMES)('%s holds the routine print-sql.ts prints', (name) => {
    const folder = migrationsFolder(name);
    const newest = readdirSync(folder)
      .filter((f) => f.endsWith('_logboek_toevoegen.sql'))
      .sort()
      .at(-1);
    expect(newest).toBeDefined();
    expect(readFileSync(`${folder}/${newest}`, 'utf8')).toBe(appendRoutineSql(name));
  });
});
