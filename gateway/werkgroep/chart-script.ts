/**
 * The dashboard's charts, as plain browser JavaScript on top of Chart.js (`chart-library.ts`): pure
 * builders that turn the API's published counts into a Chart.js configuration, a plugin that draws the
 * marker where a count is hidden, and `tekenGrafieken`, which makes the charts once their canvases are
 * in the page.
 *
 * Why a string of JavaScript and not TypeScript functions: the figures arrive in the browser (the token
 * is the user's), so the drawing runs there, and serialising compiled TypeScript with
 * `Function#toString` breaks when a transpiler injects helpers (`__name`). The builders are pure (data
 * in, configuration out), so they are unit-tested in `node:vm` (chart-script.test.ts).
 *
 * Suppression: a hidden count becomes `null` in the data (no bar, no tooltip) and `true` in the
 * dataset's `onderdrukt` list, and the plugin writes the marker at that bar's base. Nothing here adds,
 * subtracts or scales counts: a chart shows exactly the cells the API published.
 *
 * Readable at every width: bars only (a period is a count, not a trend between points), no label
 * rotation, and Chart.js's `autoSkip` leaves out category labels that would overlap (36 or 60 months on
 * a phone); the regio-and-year and phase charts are horizontal, one row per category, so their long
 * labels never collide.
 *
 * - `staafConfig({ labels, reeksen, horizontaal, marker })`: labels `[string]`, reeksen
 *   `[{ sleutel, label, kleur, cijfers: [{ waarde, onderdrukt }] }]` (one count per label).
 */
export const CHART_SCRIPT = String.raw`
var KLEUREN = { accent: '#0b5394', tweede: '#e69138', grijs: '#9e9e9e' };
var wachtrij = [];
var grafieken = [];

function getal(n) {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Draws the marker at the base of every hidden bar, so a hidden count reads as hidden, not as zero. */
var ONDERDRUKT_PLUGIN = {
  id: 'onderdrukt',
  afterDatasetsDraw: function (chart, args, opties) {
    var horizontaal = chart.options.indexAxis === 'y';
    var waardeAs = horizontaal ? chart.scales.x : chart.scales.y;
    var categorieAs = horizontaal ? chart.scales.y : chart.scales.x;
    var basis = waardeAs.getPixelForValue(0);
    var ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = '#5a5a5a';
    ctx.textAlign = horizontaal ? 'left' : 'center';
    ctx.textBaseline = horizontaal ? 'middle' : 'bottom';
    chart.data.datasets.forEach(function (ds, di) {
      var meta = chart.getDatasetMeta(di);
      if (!chart.isDatasetVisible(di)) return;
      (ds.onderdrukt || []).forEach(function (verborgen, i) {
        if (!verborgen) return;
        var staaf = meta.data[i];
        var plek = staaf ? (horizontaal ? staaf.y : staaf.x) : NaN;
        // No larger than the bar is thick, so markers of neighbouring bars do not run together.
        var dikte = staaf ? (horizontaal ? staaf.height : staaf.width) : 13;
        ctx.font = 'italic ' + Math.round(Math.max(8, Math.min(13, dikte || 13))) + 'px system-ui, sans-serif';
        if (!isFinite(plek)) plek = categorieAs.getPixelForValue(i);
        if (horizontaal) ctx.fillText(opties.marker, basis + 4, plek);
        else ctx.fillText(opties.marker, plek, basis - 2);
      });
    });
    ctx.restore();
  }
};

function staafConfig(opties) {
  var horizontaal = !!opties.horizontaal;
  var categorie = { ticks: { autoSkip: true, autoSkipPadding: 12, maxRotation: 0, minRotation: 0 }, grid: { display: false } };
  var waarde = { beginAtZero: true, ticks: { precision: 0, callback: function (v) { return getal(v); } } };
  return {
    type: 'bar',
    data: {
      labels: opties.labels.slice(),
      datasets: opties.reeksen.map(function (r) {
        return {
          label: r.label,
          sleutel: r.sleutel,
          data: r.cijfers.map(function (c) { return c && !c.onderdrukt && c.waarde !== null && c.waarde !== undefined ? c.waarde : null; }),
          onderdrukt: r.cijfers.map(function (c) { return !!(c && c.onderdrukt); }),
          backgroundColor: r.kleur,
          borderColor: r.kleur,
          maxBarThickness: 48
        };
      })
    },
    options: {
      indexAxis: horizontaal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: 'nl-NL',
      scales: horizontaal ? { y: categorie, x: waarde } : { x: categorie, y: waarde },
      plugins: {
        legend: { display: opties.reeksen.length > 1, position: 'bottom' },
        tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + getal(c.raw); } } },
        onderdrukt: { marker: opties.marker }
      }
    },
    plugins: [ONDERDRUKT_PLUGIN]
  };
}

/** A canvas for a chart, drawn by tekenGrafieken once it is in the page (Chart.js measures its box). */
function grafiekVak(testid, titel, config, hoogte) {
  var canvas = document.createElement('canvas');
  canvas.setAttribute('data-testid', testid);
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', titel + ' (de getallen staan in de tabellen hieronder)');
  var vak = document.createElement('div');
  vak.className = 'grafiek-vak';
  vak.style.height = hoogte + 'px';
  vak.appendChild(canvas);
  wachtrij.push({ canvas: canvas, config: config });
  return vak;
}

function tekenGrafieken() {
  wachtrij.forEach(function (w) { grafieken.push(new Chart(w.canvas, w.config)); });
  wachtrij = [];
}

function wisGrafieken() {
  grafieken.forEach(function (g) { g.destroy(); });
  grafieken = [];
  wachtrij = [];
}
`;
