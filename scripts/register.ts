/** `npm run register [-- --json]`: prints the register of processing, Markdown or JSON. */
import { SUBGRAPH_NAMES, SUBGRAPH_TYPEDEFS } from '../subgraphs/catalog.js';
import { buildRegister, registerMarkdown } from './register/build.js';

const entries = buildRegister(SUBGRAPH_NAMES.map((name) => ({ name, typeDefs: SUBGRAPH_TYPEDEFS[name]() })));
process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(entries, null, 2)}\n` : registerMarkdown(entries));
