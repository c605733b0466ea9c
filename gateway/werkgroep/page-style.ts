/**
 * The dashboard's stylesheet, inline in the page (no external resources). Narrow screens (a phone is
 * ~390 px wide): the page itself never scrolls sideways — grids drop to one column, inputs shrink, and
 * a wide table scrolls inside its own box (`.tabel-vak`). It includes the print view: controls hidden,
 * the title with the date range shown, charts and tables kept whole on a page.
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
[hidden] { display: none !important; }
.alleen-print { display: none; }
.bediening { margin: 1rem 0; }
form { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.75rem; background: #fff; border: 1px solid var(--lijn); border-radius: 6px; padding: 1rem; }
fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
legend { font-weight: 600; margin-bottom: 0.25rem; }
label { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.2rem; font-size: 0.9rem; min-width: 0; }
input, select, button { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #8a8a8a; border-radius: 4px; background: #fff; }
#token { width: 24rem; max-width: 100%; }
input, select { max-width: 100%; }
button { cursor: pointer; background: var(--accent); color: #fff; border-color: var(--accent); }
button[disabled] { opacity: 0.5; cursor: default; }
button.tweede { background: #fff; color: var(--accent); }
.knoppen { display: flex; gap: 0.5rem; flex-wrap: wrap; }
#status { color: var(--zacht); min-height: 1.5rem; margin: 0.5rem 0; }
.fout { border: 2px solid var(--fout); background: #fdecee; color: var(--fout); padding: 0.75rem 1rem; border-radius: 6px; font-weight: 600; }
.legenda { background: #fff8e1; border: 1px solid #e0c36a; padding: 0.5rem 0.75rem; border-radius: 6px; }
section.blok { background: #fff; border: 1px solid var(--lijn); border-radius: 6px; padding: 1rem; margin: 1rem 0; }
.naast { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(320px, 100%), 1fr)); gap: 0 1rem; align-items: start; }
.naast > * { min-width: 0; }
.uitleg { color: var(--zacht); font-size: 0.9rem; margin: 0; }
.kaarten { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(220px, 100%), 1fr)); gap: 0.75rem; margin-bottom: 1rem; }
.kaart { border: 1px solid var(--lijn); border-radius: 6px; padding: 0.75rem; min-width: 0; }
.kaart h3, section.blok h3 { font-size: 0.95rem; margin: 0 0 0.25rem; color: var(--zacht); font-weight: 600; }
.kengetal { font-size: 2rem; font-weight: 700; margin: 0; font-variant-numeric: tabular-nums; }
.kengetal.onderdrukt { color: var(--zacht); font-style: italic; }
.toelichting { margin: 0.25rem 0 0; font-size: 0.9rem; color: var(--zacht); }
progress { width: 100%; height: 0.75rem; margin-top: 0.5rem; accent-color: var(--tweede); }
.grafiek-vak { position: relative; width: 100%; min-width: 0; }
.grafiek-vak canvas { max-width: 100%; }
.tabel-vak { max-width: 100%; overflow-x: auto; margin: 0 0 0.75rem; }
.tabel-vak:focus { outline: 2px solid var(--accent); }
/* While a wide table scrolls sideways its row labels stay in view. */
.tabel-vak th[scope="row"] { position: sticky; left: 0; background: #fff; white-space: nowrap; }
td.getal { white-space: nowrap; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border-bottom: 1px solid var(--lijn); padding: 0.3rem 0.5rem; text-align: left; }
td.getal, th.getal { text-align: right; font-variant-numeric: tabular-nums; }
td.onderdrukt { color: var(--zacht); font-style: italic; }
@media (max-width: 600px) {
  body { font-size: 14px; }
  header, main { padding: 0 0.5rem; }
  section.blok, form { padding: 0.75rem; }
  h1 { font-size: 1.25rem; }
  th, td { padding: 0.25rem 0.35rem; }
}
@media print {
  @page { margin: 1.5cm; }
  body { background: #fff; font-size: 10pt; }
  .bediening, #status, .knoppen, button, input, select { display: none !important; }
  .alleen-print { display: block; }
  header, main { max-width: none; padding: 0; }
  section.blok { border: 0; padding: 0; margin: 0 0 1rem; break-inside: avoid; }
  .legenda { border: 1px solid #999; background: #fff; }
  table, .grafiek-vak { break-inside: avoid; }
  .tabel-vak { overflow: visible; }
}
`;
