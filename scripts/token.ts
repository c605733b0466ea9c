/**
 * `npm run token -- --partij CORPORATIE --organisatie woonwenz` prints a DEVELOPMENT token for any
 * persona, signed with the local issuer's key (created at first start in `.data/`).
 */
import { parseArgs } from 'node:util';
import { gatewayConfigFromEnv } from '../gateway/config.js';
import { loadOrCreateDevKeys } from '../gateway/dev-issuer/keys.js';
import { mintToken } from '../gateway/dev-issuer/mint.js';
import { PARTIJEN, REGIOS, type Partij, type Regio } from '../schema/vocabulary.js';

const { values } = parseArgs({
  options: {
    partij: { type: 'string' },
    organisatie: { type: 'string' },
    gemeente: { type: 'string' },
    regio: { type: 'string' },
    rol: { type: 'string' },
    sub: { type: 'string' },
    uren: { type: 'string', default: '8' },
  },
});

const partij = values.partij?.toUpperCase() as Partij | undefined;
if (!partij || !PARTIJEN.includes(partij)) {
  console.error(`Gebruik: npm run token -- --partij <${PARTIJEN.join('|')}> [--organisatie x] [--gemeente venlo] [--regio NOORD_LIMBURG] [--rol VOORZITTER] [--sub inwoner-…]`);
  process.exit(2);
}
if (values.regio && !REGIOS.includes(values.regio as Regio)) {
  console.error(`Onbekende regio ${values.regio}; kies ${REGIOS.join(' of ')}`);
  process.exit(2);
}
const config = gatewayConfigFromEnv();
const keys = await loadOrCreateDevKeys(config.devKeyFile);
const token = await mintToken(
  keys,
  {
    partij,
    ...(values.organisatie ? { organisatie: values.organisatie } : {}),
    ...(values.gemeente ? { gemeente: values.gemeente } : {}),
    ...(values.regio ? { regio: values.regio as Regio } : {}),
    ...(values.rol ? { rol: values.rol } : {}),
    ...(values.sub ? { sub: values.sub } : {}),
  },
  { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds: Number(values.uren) * 3600 },
);
console.log(token);
