/**
 * The dashboard's two charts, drawn as inline SVG by plain browser JavaScript: a grouped bar chart
 * (homes delivered against the target, per regio and year) and a line chart (registered and housed per
 * period).
 *
 * Why a string of JavaScript and not a chart library or TypeScript functions: the figures arrive in the
 * browser (the token is the user's), so the drawing runs there; the page must work offline with no CDN
 * and no dependency; and serialising compiled TypeScript with `Function#toString` breaks when a
 * transpiler injects helpers (`__name`). The functions are pure (data in, SVG text out) and every text
 * goes through `esc`, so they are unit-tested in `node:vm` (chart-script.test.ts).
 *
 * Data shapes (all numbers already suppressed by the API):
 * - `staafgrafiekSvg(groepen, opties)`: groepen `[{ sleutel, label, waarden: [{ reeks, waarde, onderdrukt }] }]`,
 *   opties `{ titel, marker, testid, reeksen: [{ sleutel, label }] }`.
 * - `lijngrafiekSvg(labels, reeksen, opties)`: labels `[{ sleutel, label }]`, reeksen
 *   `[{ sleutel, label, punten: [{ waarde, onderdrukt }] }]` (one point per label), opties `{ titel, marker, testid }`.
 * A hidden value draws no bar or point, only the marker, and a line is broken there.
 */
export const CHART_SCRIPT = String.raw`
function esc(value) {
  return String(value).replace(/[&<>"']/g, function (c) {
    return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
  });
}

function getal(n) {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function schaal(max) {
  if (!(max > 0)) return { top: 5, stap: 1 };
  var ruw = max / 4;
  var macht = Math.pow(10, Math.floor(Math.log10(ruw)));
  var stap = 10 * macht;
  var keuzes = [1, 2, 5];
  for (var i = 0; i < keuzes.length; i++) {
    if (keuzes[i] * macht >= ruw) { stap = keuzes[i] * macht; break; }
  }
  stap = Math.max(1, stap);
  return { top: Math.ceil(max / stap) * stap, stap: stap };
}

function assen(b, h, m, s, titel) {
  var out = '<title>' + esc(titel) + '</title>';
  for (var v = 0; v <= s.top; v += s.stap) {
    var y = m.boven + (h - m.boven - m.onder) * (1 - v / s.top);
    out += '<line class="raster" x1="' + m.links + '" x2="' + (b - m.rechts) + '" y1="' + y + '" y2="' + y + '"/>';
    out += '<text class="as" x="' + (m.links - 6) + '" y="' + (y + 4) + '" text-anchor="end">' + esc(getal(v)) + '</text>';
  }
  return out;
}

function staafgrafiekSvg(groepen, opties) {
  var b = 640, h = 300, m = { links: 48, rechts: 12, boven: 24, onder: 56 };
  var reeksen = opties.reeksen;
  var max = 0;
  groepen.forEach(function (g) {
    g.waarden.forEach(function (w) { if (!w.onderdrukt && w.waarde !== null && w.waarde > max) max = w.waarde; });
  });
  var s = schaal(max);
  var top = s.top;
  var hoogte = h - m.boven - m.onder;
  var groepBreedte = (b - m.links - m.rechts) / Math.max(groepen.length, 1);
  var staafBreedte = Math.min(40, (groepBreedte * 0.8) / Math.max(reeksen.length, 1));
  var out = '<svg class="grafiek" role="img" viewBox="0 0 ' + b + ' ' + h + '"' +
    ' data-testid="' + esc(opties.testid) + '" aria-label="' + esc(opties.titel) + '">' + assen(b, h, m, s, opties.titel);
  groepen.forEach(function (g, gi) {
    var x0 = m.links + gi * groepBreedte + (groepBreedte - staafBreedte * reeksen.length) / 2;
    reeksen.forEach(function (r, ri) {
      var w = g.waarden.filter(function (x) { return x.reeks === r.sleutel; })[0];
      var x = x0 + ri * staafBreedte;
      var midden = x + staafBreedte / 2;
      var attrs = ' data-reeks="' + esc(r.sleutel) + '" data-groep="' + esc(g.sleutel) + '"';
      if (!w) return;
      if (w.onderdrukt || w.waarde === null) {
        out += '<text class="marker"' + attrs + ' data-onderdrukt="true" x="' + midden + '" y="' + (m.boven + hoogte - 4) +
          '" text-anchor="middle">' + esc(w.onderdrukt ? opties.marker : '–') + '</text>';
        return;
      }
      var sh = (hoogte * w.waarde) / top;
      var y = m.boven + hoogte - sh;
      out += '<rect class="staaf reeks-' + ri + '"' + attrs + ' data-waarde="' + w.waarde + '" x="' + (x + 1) + '" y="' + y +
        '" width="' + Math.max(staafBreedte - 2, 1) + '" height="' + sh + '"><title>' + esc(g.label + ', ' + r.label + ': ' + getal(w.waarde)) + '</title></rect>';
      out += '<text class="waarde"' + attrs + ' x="' + midden + '" y="' + (y - 4) + '" text-anchor="middle">' + esc(getal(w.waarde)) + '</text>';
    });
    out += '<text class="as" x="' + (m.links + gi * groepBreedte + groepBreedte / 2) + '" y="' + (h - m.onder + 18) +
      '" text-anchor="middle">' + esc(g.label) + '</text>';
  });
  reeksen.forEach(function (r, ri) {
    var lx = m.links + ri * 160;
    out += '<rect class="staaf reeks-' + ri + '" x="' + lx + '" y="' + (h - 18) + '" width="12" height="12"/>' +
      '<text class="as" x="' + (lx + 18) + '" y="' + (h - 8) + '">' + esc(r.label) + '</text>';
  });
  return out + '</svg>';
}

function lijngrafiekSvg(labels, reeksen, opties) {
  var b = 640, h = 300, m = { links: 48, rechts: 12, boven: 24, onder: 56 };
  var max = 0;
  reeksen.forEach(function (r) {
    r.punten.forEach(function (p) { if (!p.onderdrukt && p.waarde !== null && p.waarde > max) max = p.waarde; });
  });
  var s = schaal(max);
  var top = s.top;
  var hoogte = h - m.boven - m.onder;
  var stap = (b - m.links - m.rechts) / Math.max(labels.length, 1);
  var xVan = function (i) { return m.links + stap * (i + 0.5); };
  var yVan = function (v) { return m.boven + hoogte - (hoogte * v) / top; };
  var out = '<svg class="grafiek" role="img" viewBox="0 0 ' + b + ' ' + h + '"' +
    ' data-testid="' + esc(opties.testid) + '" aria-label="' + esc(opties.titel) + '">' + assen(b, h, m, s, opties.titel);
  var elke = Math.max(1, Math.ceil((labels.length * 64) / (b - m.links - m.rechts)));
  labels.forEach(function (l, i) {
    if (i % elke === 0) {
      out += '<text class="as" x="' + xVan(i) + '" y="' + (h - m.onder + 18) + '" text-anchor="middle">' + esc(l.label) + '</text>';
    }
  });
  reeksen.forEach(function (r, ri) {
    var stukken = [[]];
    r.punten.forEach(function (p, i) {
      if (p.onderdrukt || p.waarde === null) { stukken.push([]); return; }
      stukken[stukken.length - 1].push(xVan(i) + ',' + yVan(p.waarde));
    });
    stukken.forEach(function (s) {
      if (s.length > 1) out += '<polyline class="lijn reeks-' + ri + '" fill="none" points="' + s.join(' ') + '"/>';
    });
    r.punten.forEach(function (p, i) {
      var label = labels[i] || { sleutel: '', label: '' };
      var attrs = ' data-reeks="' + esc(r.sleutel) + '" data-periode="' + esc(label.sleutel) + '"';
      if (p.onderdrukt || p.waarde === null) {
        out += '<text class="marker"' + attrs + ' data-onderdrukt="true" x="' + xVan(i) + '" y="' + (m.boven + hoogte - 4 - ri * 12) +
          '" text-anchor="middle">' + esc(p.onderdrukt ? opties.marker : '–') + '</text>';
        return;
      }
      out += '<circle class="punt reeks-' + ri + '"' + attrs + ' data-waarde="' + p.waarde + '" cx="' + xVan(i) + '" cy="' + yVan(p.waarde) +
        '" r="3.5"><title>' + esc(label.label + ', ' + r.label + ': ' + getal(p.waarde)) + '</title></circle>';
      out += '<text class="waarde"' + attrs + ' x="' + xVan(i) + '" y="' + (yVan(p.waarde) - 8) + '" text-anchor="middle">' + esc(getal(p.waarde)) + '</text>';
    });
    var lx = m.links + ri * 160;
    out += '<line class="lijn reeks-' + ri + '" x1="' + lx + '" x2="' + (lx + 14) + '" y1="' + (h - 12) + '" y2="' + (h - 12) + '"/>' +
      '<text class="as" x="' + (lx + 20) + '" y="' + (h - 8) + '">' + esc(r.label) + '</text>';
  });
  return out + '</svg>';
}
`;
