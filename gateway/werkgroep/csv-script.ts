/**
 * The dashboard's "Exporteer CSV", as plain browser JavaScript (see chart-script.ts for why a string).
 *
 * Why it reads the rendered tables instead of the API data: the export must hold exactly what is
 * shown — the same texts, the marker for every hidden number, never a value the screen does not show.
 * Format: UTF-8 with BOM, `;` as separator and CRLF line ends (what Dutch spreadsheet programs expect),
 * three header lines (title, range, legend), then per table its caption, its header and its rows.
 * It expects `huidig`, `bereikTekst`, `legendaTekst`, `el` and `$` from page-script.ts in scope.
 */
export const CSV_SCRIPT = String.raw`
function csvVeld(s) {
  s = String(s);
  return /[";\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function maakCsv() {
  if (!huidig) return '';
  var regels = [
    ['Woonkans monitoring Werkgroep'],
    ['Periode', bereikTekst(huidig.filters)],
    ['Legenda', legendaTekst(huidig.data.drempel)]
  ];
  Array.prototype.forEach.call($('tabellen').querySelectorAll('table'), function (t) {
    regels.push([]);
    regels.push([t.querySelector('caption').textContent]);
    Array.prototype.forEach.call(t.querySelectorAll('tr'), function (tr) {
      regels.push(Array.prototype.map.call(tr.querySelectorAll('th, td'), function (c) { return c.textContent; }));
    });
  });
  return '\uFEFF' + regels.map(function (r) { return r.map(csvVeld).join(';'); }).join('\r\n') + '\r\n';
}

function exporteer() {
  if (!huidig) return;
  var blob = new Blob([maakCsv()], { type: 'text/csv;charset=utf-8' });
  var url = URL.createObjectURL(blob);
  var a = el('a', { href: url, download: 'woonkans-monitoring-' + huidig.filters.vanMaand + '-tm-' + huidig.filters.totMaand + '.csv', hidden: '' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
}

`;
