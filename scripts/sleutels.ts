/**
 * `npm run sleutels -- <map>`: makes the federation's own keys for a deployment, once, in `<map>`:
 *
 * - `sleutel.json`: the HMAC key that signs the access log's `sleutel` (`SLEUTEL_KEY_FILE`), the same
 *   file for every subgraph;
 * - `controlepunt.json`: the Ed25519 key that signs the log's head checkpoints
 *   (`LOGBOEK_CONTROLEPUNT_KEY_FILE`), and `controlepunt.pub.json`, its public half alone, for whoever
 *   runs `verify-log` without being able to sign.
 *
 * It never overwrites a key (a replaced key makes every earlier `sleutel` and checkpoint unverifiable);
 * it refuses and says which file is in the way. The files are mode 0600: give them to the services'
 * user (the image's `node`, uid 1000) and to nobody else.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeCheckpointKey } from '../subgraphs/common/logboek/checkpoint.js';
import { writeSleutelKey } from '../subgraphs/common/logboek/sleutel-key.js';

const dir = process.argv[2];
if (!dir) {
  console.error('Gebruik: npm run sleutels -- <map>   (bijvoorbeeld deploy/keys)');
  process.exit(2);
}
const made = new Date().toISOString();
const files = { sleutel: join(dir, 'sleutel.json'), controlepunt: join(dir, 'controlepunt.json'), publiek: join(dir, 'controlepunt.pub.json') };
try {
  await writeSleutelKey(files.sleutel, `Woonkans Gateway: key for the access log's sleutel, made ${made}. Secret.`);
  const checkpoint = await writeCheckpointKey(files.controlepunt, `Woonkans Gateway: signing key of the access log's checkpoints, made ${made}. Secret.`);
  const publicKey = checkpoint.publicKey.export({ type: 'spki', format: 'pem' });
  await writeFile(files.publiek, JSON.stringify({ note: `Public key of the checkpoints (id ${checkpoint.id}), for verify-log.`, publicKey }, null, 2), { flag: 'wx' });
} catch (error) {
  const e = error as NodeJS.ErrnoException;
  console.error(e.code === 'EEXIST' ? `${e.path} bestaat al: een sleutel wordt nooit vervangen (eerdere sleutels en controlepunten zouden onverifieerbaar worden)` : `sleutels niet gemaakt: ${e.message}`);
  process.exit(1);
}
console.log(`Sleutels gemaakt in ${resolve(dir)}:
  SLEUTEL_KEY_FILE               → ${files.sleutel}
  LOGBOEK_CONTROLEPUNT_KEY_FILE  → ${files.controlepunt}
  verify-log (alleen publiek)    → ${files.publiek}`);
