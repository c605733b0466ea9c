/**
 * `npm run scale -- --cases=100000 [--records-per-case=5]`: loads that many synthetic cases (the demo
 * plan at scale, with proportionate access records) into the empty PostgreSQL database that
 * `DATABASE_URL` names; `npm start` with the same `DATABASE_URL` then serves them. The bench's
 * `--only=scale` section loads its own database per size (`scripts/scale/databases.ts`).
 */
import { loadScale } from './scale/load.js';
import { closeAll, demoDatabases, openSubgraphDatabases } from './scale/databases.js';

const flag = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const url = process.env['DATABASE_URL'];
const aantal = Number(flag('cases') ?? NaN);
const recordsPerCase = Number(flag('records-per-case') ?? 5);
if (!url) {
  console.error('scale: zet DATABASE_URL op een lege PostgreSQL-database');
  process.exit(2);
}
if (!Number.isInteger(aantal) || aantal < 400) {
  console.error('scale: --cases= neemt een geheel getal ≥ 400, bv. --cases=100000');
  process.exit(2);
}
if (!Number.isInteger(recordsPerCase) || recordsPerCase < 1) {
  console.error('scale: --records-per-case= neemt een geheel getal ≥ 1');
  process.exit(2);
}
const dbs = await openSubgraphDatabases(url);
try {
  const r = await loadScale(demoDatabases(dbs), { aantal, recordsPerCase, log: (l) => console.log(l) });
  const rows = Object.values(r.rows).reduce((a, b) => a + b, 0);
  console.log(`schaal: ${r.cases} trajecten, ${rows} rijen, ${r.records} toegangsregels in ${r.seconds.toFixed(0)} s`);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
} finally {
  await closeAll(dbs);
}
