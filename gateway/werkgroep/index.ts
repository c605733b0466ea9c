/**
 * The Werkgroep dashboard: the shared GraphQL query and the page. The figures themselves are
 * computed at the source (see `schema/monitoring/`). The browser-test helper is left out because it
 * needs a development dependency.
 */
export * from './query.js';
export * from './page.js';
