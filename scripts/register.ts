/** `npm run register [-- --json]`: prints the register of processing, Markdown or JSON. */
import { SUBGRAPH_NAMES, SUBGRAPH_TYPEDEFS } from '../subgraphs/catalog.js';
import { actsJson, actsMarkdown } from './register/acts.js';
import { buildClosedWorld, buildRegister, closedWorldMarkdown, registerMarkdown } from './register/build.js';

const subgraphs = SUBGRAPH_NAMES.map((name) => ({ name, typeDefs: SUBGRAPH_TYPEDEFS[name]() }));
const entries = buildRegister(subgraphs);
const gesloten = buildClosedWorld(subgraphs);
process.stdout.write(
  process.argv.includes('--json')
    ? `${JSON.stringify({ velden: entries, geslotenWereld: gesloten, handelingen: actsJson() }, null, 2)}\n`
    : `${registerMarkdown(entries)}\n${closedWorldMarkdown(gesloten)}\n${actsMarkdown()}`,
);
