/** Monitoring for the Werkgroep: periods, small-cell suppression and the figures. Re-exports only. */
export * from './suppression.js';
export * from './periods.js';
export * from './figures.js';
export * from './dashboard-view.js';
export * from './verzoek.js';
