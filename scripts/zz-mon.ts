import { openSubgraphDatabases } from './scale/databases.js';
import { monitoringDigest } from '../subgraphs/regisseur/monitoring/rijen.js';
import { telZonderToestemming } from '../subgraphs/regisseur/monitoring/zonder-toestemming.js';
const dbs = await openSubgraphDatabases(process.env['DATABASE_URL']);
const t = () => performance.now();
for (let i = 0; i < 3; i++) {
  const t0 = t(); await monitoringDigest(dbs.regisseur.db); const t1 = t();
  const z = await telZonderToestemming(dbs.regisseur.db, { periode: 'MAAND', van: '2024-01-01', tot: '2027-01-01', regio: null } as never); const t2 = t();
  console.log(`digest ${(t1-t0).toFixed(0)} ms, zonderToestemming ${(t2-t1).toFixed(0)} ms`, z);
}
await Promise.all(Object.values(dbs).map((d) => d.close()));
