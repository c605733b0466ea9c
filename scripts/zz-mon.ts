import { openSubgraphDatabases } from './scale/databases.js';
import { laadMonitoringRijen } from '../subgraphs/regisseur/monitoring/rijen.js';
import { maakRekenaar } from '../schema/monitoring/figures.js';
import { createHash } from 'node:crypto';
const dbs = await openSubgraphDatabases(process.env['DATABASE_URL']);
const t = () => performance.now();
for (let i = 0; i < 3; i++) {
  const t0 = t(); const rows = await laadMonitoringRijen(dbs.regisseur.db, new Date()); const t1 = t();
  const key = createHash('sha256').update(JSON.stringify([5, rows])).digest('base64url'); const t2 = t();
  const r = maakRekenaar(rows, 5); const t3 = t();
  console.log(`rows ${rows.length}: load ${(t1-t0).toFixed(0)} ms, hash ${(t2-t1).toFixed(0)} ms, release ${(t3-t2).toFixed(0)} ms`, key.length, typeof r);
}
await Promise.all(Object.values(dbs).map((d) => d.close()));
