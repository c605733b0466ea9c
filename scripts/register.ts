/** `npm run register [-- --json]`: prints the register of processing, Markdown or JSON. */
import { SUBGRAPH_NAMES, SUBGRAPH_TYPEDEFS } from '../subgraphs/catalog.js';
import { actsJson, actsMarkdown } from './register/acts.js';
import { buildClosedWorld, buildRegister, buildTypeReview, closedWorldMarkdown, registerMarkdown, typeReviewMarkdown } from './register/build.js';

const subgraphs = SUBGRAPH_NAMES.map((name) => ({ name, typeDefs: SUBGRAPH_TYPEDEFS[name]() }));
const entries = buildRegister(subgraphs);
const gesloten = buildClosedWorld(subgraphs);
const typen = buildTypeReview(subgraphs);
process.stdout.write(
  process.argv.includes('--json')
    ? `${JSON.stringify({ velden: entries, geslotenWereld: gesloten, typen, handelingen: actsJson() }, null, 2)}\n`
    : `${registerMarkdown(entries)}\n${typeReviewMarkdown(typen)}\n${closedWorldMarkdown(gesloten)}\n${actsMarkdown()}`,
);
