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
    machine: { type: 'boolean', default: false },
    minuten: { type: 'string' },
  },
});

const partij = values.partij?.toUpperCase() as Partij | undefined;
if (!partij || !PARTIJEN.includes(partij)) {
  console.error(`Gebruik: npm run token -- --partij <${PARTIJEN.join('|')}> [--organisatie x] [--gemeente venlo] [--regio NOORD_LIMBURG] [--rol VOORZITTER] [--sub inwoner-…] [--machine] [--minuten 60]`);
  process.exit(2);
}
if (values.regio && !REGIOS.includes(values.regio as Regio)) {
  console.error(`Onbekende regio ${values.regio}; kies ${REGIOS.join(' of ')}`);
  process.exit(2);
}
const config = gatewayConfigFromEnv(process.env, { demo: true });
const { maxLifetimePerson, maxLifetimeMachine } = config.auth.policy;
const max = values.machine ? maxLifetimeMachine : maxLifetimePerson;
const ttlSeconds = values.minuten === undefined ? max : Number(values.minuten) * 60;
// The services refuse a token that lives longer than the policy allows (NL GOV profile).
if (!Number.isInteger(ttlSeconds) || ttlSeconds < 60 || ttlSeconds > max) {
  console.error(`--minuten: tussen 1 en ${max / 60} (de grens voor een ${values.machine ? 'machine' : 'persoon'}stoken)`);
  process.exit(2);
}
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
    ...(values.machine ? { machine: true } : {}),
  },
  { issuer: config.auth.issuer, audience: config.auth.audience, ttlSeconds },
);
console.log(token);
