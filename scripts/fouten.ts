/** `npm run fouten [-- --json]`: prints the catalogue of error codes, Markdown or JSON (also `GET /fouten`). */
import { catalogusAlsJson, catalogusAlsMarkdown } from '../schema/error-catalogue.js';

process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(catalogusAlsJson(), null, 2)}\n` : `${catalogusAlsMarkdown()}\n`);
