/**
 * The dashboard's stylesheet, inline in the page (no external resources). It includes the print view:
 * controls hidden, the title with the date range shown, charts and tables kept whole on a page.
 */
export const PAGE_STYLE = `
:root { --tekst: #1b1b1b; --zacht: #5a5a5a; --lijn: #c8c8c8; --accent: #0b5394; --tweede: #e69138; --fout: #b00020; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--tekst); background: #f6f6f4; }
header, main { max-width: 1100px; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1rem; }
h1 { font-size: 1.5rem; margin: 0.5rem 0; }
h2 { font-size: 1.15rem; margin: 0 0 0.5rem; }
.bereik { color: var(--zacht); margin: 0 0 1rem; }
.alleen-print { display: none; }
form { display: grid; gap: 0.75rem; background: #fff; border: 1px solid var(--lijn); border-radius: 6px; padding: 1rem; }
fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
legend { font-weight: 600; margin-bottom: 0.25rem; }
label { display: grid; gap: 0.2rem; font-size: 0.9rem; }
input, select, button { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #8a8a8a; border-radius: 4px; background: #fff; }
#token { min-width: 24rem; }
button { cursor: pointer; background: var(--accent); color: #fff; border-color: var(--accent); }
button[disabled] { opacity: 0.5; cursor: default; }
button.tweede { background: #fff; color: var(--accent); }
.knoppen { display: flex; gap: 0.5rem; flex-wrap: wrap; }
#status { color: var(--zacht); min-height: 1.5rem; margin: 0.5rem 0; }
.fout { border: 2px solid var(--fout); background: #fdecee; color: var(--fout); padding: 0.75rem 1rem; border-radius: 6px; font-weight: 600; }
.legenda { background: #fff8e1; border: 1px solid #e0c36a; padding: 0.5rem 0.75rem; border-radius: 6px; }
section.blok { background: #fff; border: 1px solid var(--lijn); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.naast { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 1rem; align-items: start; }
table { border-collapse: collapse; width: 100%; margin: 0 0 0.75rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border-bottom: 1px solid var(--lijn); padding: 0.3rem 0.5rem; text-align: left; }
td.getal, th.getal { text-align: right; font-variant-numeric: tabular-nums; }
td.onderdrukt { color: var(--zacht); font-style: italic; }
.grafiek { width: 100%; height: auto; max-height: 320px; }
.grafiek .raster { stroke: #e2e2e2; }
.grafiek .as { font-size: 11px; fill: var(--zacht); }
.grafiek .waarde { font-size: 11px; fill: var(--tekst); }
.grafiek .marker { font-size: 12px; fill: var(--zacht); font-style: italic; }
.grafiek .staaf.reeks-0, .grafiek .punt.reeks-0 { fill: var(--accent); }
.grafiek .staaf.reeks-1, .grafiek .punt.reeks-1 { fill: var(--tweede); }
.grafiek .lijn { stroke-width: 2; }
.grafiek .lijn.reeks-0 { stroke: var(--accent); }
.grafiek .lijn.reeks-1 { stroke: var(--tweede); }
@media print {
  @page { margin: 1.5cm; }
  body { background: #fff; font-size: 10pt; }
  .bediening, #status, .knoppen, button, input, select { display: none !important; }
  .alleen-print { display: block; }
  header, main { max-width: none; padding: 0; }
  section.blok { border: 0; padding: 0; margin: 0 0 1rem; break-inside: avoid; }
  .legenda { border: 1px solid #999; background: #fff; }
  table, svg { break-inside: avoid; }
}
`;
