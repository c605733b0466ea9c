/** `npm run register [-- --json]`: prints the register of processing, Markdown or JSON. */
import { SUBGRAPH_NAMES, SUBGRAPH_TYPEDEFS } from '../subgraphs/catalog.js';
import { actsJson, actsMarkdown } from './register/acts.js';
import {
  buildClosedWorld,
  buildLogboekRegister,
  buildRegister,
  buildTypeReview,
  closedWorldMarkdown,
  logboekRegisterMarkdown,
  registerMarkdown,
  typeReviewMarkdown,
} from './register/build.js';

const subgraphs = SUBGRAPH_NAMES.map((name) => ({ name, typeDefs: SUBGRAPH_TYPEDEFS[name]() }));
const entries = buildRegister(subgraphs);
const gesloten = buildClosedWorld(subgraphs);
const typen = buildTypeReview(subgraphs);
const logboek = buildLogboekRegister(SUBGRAPH_NAMES);
process.stdout.write(
  process.argv.includes('--json')
    ? `${JSON.stringify({ velden: entries, geslotenWereld: gesloten, typen, handelingen: actsJson(), logboek }, null, 2)}\n`
    : `${registerMarkdown(entries)}\n${logboekRegisterMarkdown(logboek)}\n${typeReviewMarkdown(typen)}\n${closedWorldMarkdown(gesloten)}\n${actsMarkdown()}`,
);
