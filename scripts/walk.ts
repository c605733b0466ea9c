/**
 * `npm run walk`: walks one new case from melding to close against a running federation (`npm start`),
 * every act with a development token of the party responsible for it, and prints each act and what
 * came back. `-- --url http://host:4000` for another gateway, `-- --toon` to print each operation and
 * its variables as sent, `-- --markdown` to print the walk as the README shows it (nothing is sent).
 */
import { parseArgs } from 'node:util';
import type { Persona } from '../gateway/dev-issuer/mint.js';
import { ETAPPES, STAPPEN, handeling, walkEtappes, walkMarkdown, type Send } from './walk/steps.js';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: `http://127.0.0.1:${process.env['PORT'] ?? 4000}` },
    naam: { type: 'string', default: 'Piet Proef' },
    toon: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
  },
});

if (values.markdown) {
  console.log(walkMarkdown());
  process.exit(0);
}

const gateway = values.url.replace(/\/+$/, '');
const tokens = new Map<string, Promise<string>>();

/** A development token from the gateway's own issuer, one per persona for the whole walk. */
function token(persona: Persona): Promise<string> {
  const query = new URLSearchParams(Object.entries(persona).filter(([, v]) => typeof v === 'string') as [string, string][]);
  let t = tokens.get(query.toString());
  if (!t) {
    t = fetch(`${gateway}/dev/token?${query}`).then(async (r) => {
      if (!r.ok) throw new Error(`geen ontwikkeltoken van ${gateway}/dev/token (HTTP ${r.status}); draait npm start?`);
      return ((await r.json()) as { token: string }).token;
    });
    tokens.set(query.toString(), t);
  }
  return t;
}

const send: Send = async (persona, operatie, variabelen) => {
  const response = await fetch(`${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await token(persona)}` },
    body: JSON.stringify({ query: operatie, variables: variabelen }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown };
};

const started = Date.now();
try {
  const c = await walkEtappes(send, ETAPPES, null, {
    naam: values.naam,
    onStap: (stap, nr, variabelen, antwoord) => {
      console.log(`${String(nr).padStart(2)}/${STAPPEN.length} ${stap.persona.partij.padEnd(10)} ${handeling(stap).padEnd(30)} ${antwoord.errors ? 'GEWEIGERD' : 'ok'}`);
      if (values.toon) console.log(`      ${stap.operatie}\n      variabelen: ${JSON.stringify(variabelen)}\n      antwoord:   ${JSON.stringify(antwoord)}`);
    },
  });
  console.log(`\nTraject ${c.code} (${c.id}) doorlopen van melding tot afsluiting in ${Date.now() - started} ms, versie ${c.versie}.`);
} catch (error) {
  console.error(`\n${(error as Error).message}`);
  process.exit(1);
}
