/**
 * The dashboard's behaviour, as plain browser JavaScript (see chart-script.ts for why a string). It
 * expects `CONFIG` (set by page.ts) and the chart functions in scope.
 *
 * What it guarantees: it shows figures only from a successful answer of the API (any error, a 401 or a
 * `DOSERING_GEWEIGERD` clears everything and shows a Dutch message); it never turns a hidden number into
 * a number (a hidden cell is the marker on screen, in the CSV and in print); the CSV is built from the
 * tables as rendered, so it holds exactly what is shown; every text from the server goes in as text.
 */
export const APP_SCRIPT = String.raw`
var MARKER = CONFIG.marker;
var MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
var MAANDEN_KORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
var PERIODE_LABEL = { MAAND: 'per maand', KWARTAAL: 'per kwartaal', HALFJAAR: 'per halfjaar', JAAR: 'per jaar' };
var MELDINGEN = {
  UNAUTHENTICATED: 'U bent niet (meer) aangemeld: het token ontbreekt, is ongeldig of verlopen. Vraag een nieuw token aan en probeer het opnieuw.',
  DOSERING_GEWEIGERD: 'Geen toegang tot de monitoringcijfers. Deze cijfers zijn alleen voor leden van de Werkgroep; met dit token mag u ze niet inzien.',
  FORBIDDEN: 'Geen toegang tot de monitoringcijfers. Deze cijfers zijn alleen voor leden van de Werkgroep.'
};
var huidig = null;
var verzoek = 0;

function $(id) { return document.getElementById(id); }

function legendaTekst(drempel) {
  return MARKER + ' = niet getoond: minder dan ' + drempel + ' personen, of verborgen zodat een klein aantal niet uit de totalen terug te rekenen is.';
}

function periodeLabel(sleutel) {
  var m = /^(\d{4})-(\d{2})$/.exec(sleutel);
  if (m) return MAANDEN_KORT[Number(m[2]) - 1] + ' ' + m[1];
  var k = /^(\d{4})-K([1-4])$/.exec(sleutel);
  if (k) return 'K' + k[2] + ' ' + k[1];
  var h = /^(\d{4})-H([12])$/.exec(sleutel);
  if (h) return (h[2] === '1' ? '1e' : '2e') + ' helft ' + h[1];
  return String(sleutel);
}

function maandLabel(jjjjmm) {
  var p = jjjjmm.split('-');
  return MAANDEN[Number(p[1]) - 1] + ' ' + p[0];
}

function tekst(c) {
  if (!c) return '–';
  if (c.onderdrukt) return MARKER;
  if (c.waarde === null || c.waarde === undefined) return '–';
  return getal(c.waarde);
}

function euro(cent) {
  var negatief = cent < 0;
  var abs = Math.abs(Math.round(cent));
  var centen = abs % 100;
  return (negatief ? '-' : '') + '€ ' + getal(Math.floor(abs / 100)) + ',' + (centen < 10 ? '0' : '') + centen;
}

function el(tag, attrs, kinderen) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) node.setAttribute(k, attrs[k]); });
  (kinderen || []).forEach(function (k) { node.appendChild(typeof k === 'string' ? document.createTextNode(k) : k); });
  return node;
}

/** A lead time ({ mediaanDagen, p25Dagen, p75Dagen, onderdrukt }) as a cell: the marker when hidden, a dash when nobody. */
function dagenCel(t, eenheid, veld) {
  var v = t ? t[veld || 'mediaanDagen'] : null;
  if (t && t.onderdrukt) return { tekst: MARKER, onderdrukt: true, getal: true };
  return { tekst: v === null || v === undefined ? '–' : getal(v) + eenheid, getal: true };
}

function cijferCel(c) { return { tekst: tekst(c), onderdrukt: !!(c && c.onderdrukt), getal: true }; }

function tabel(testid, titel, koppen, rijen) {
  var getalKolom = function (i) { return rijen.some(function (r) { return r.cellen[i] && r.cellen[i].getal; }); };
  var kop = el('tr', {}, koppen.map(function (k, i) { return el('th', { scope: 'col', 'class': getalKolom(i) ? 'getal' : null }, [k]); }));
  var body = el('tbody', {}, rijen.map(function (rij) {
    return el('tr', { 'data-sleutel': rij.sleutel }, rij.cellen.map(function (c, i) {
      if (typeof c === 'string') c = { tekst: c };
      if (i === 0) return el('th', { scope: 'row' }, [c.tekst]);
      return el('td', {
        'class': (c.getal ? 'getal' : '') + (c.onderdrukt ? ' onderdrukt' : ''),
        'data-onderdrukt': c.onderdrukt ? 'true' : null,
        title: c.onderdrukt ? legendaTekst(huidig.data.drempel) : null
      }, [c.tekst]);
    }));
  }));
  // A narrow screen scrolls the table inside its box, never the page (tabindex: keyboard users scroll too).
  return el('div', { 'class': 'tabel-vak', role: 'region', tabindex: '0', 'aria-label': titel }, [
    el('table', { 'data-testid': testid }, [el('caption', {}, [titel]), el('thead', {}, [kop]), body])
  ]);
}

function blok(testid, titel, inhoud) {
  return el('section', { 'class': 'blok', 'data-testid': testid }, [el('h2', {}, [titel])].concat(inhoud));
}

function gemeenteNaam(slug) { return CONFIG.gemeenten[slug] || slug; }
function regioNaam(regio) { return CONFIG.regios[regio] || regio; }

function bereikTekst(f) {
  return maandLabel(f.vanMaand) + ' t/m ' + maandLabel(f.totMaand) + ', ' + PERIODE_LABEL[f.periode] + ', ' +
    (f.regio ? 'regio ' + regioNaam(f.regio) : "beide regio's");
}

/** One key figure: a title, the number (or the marker) and what it means. */
function kaart(testid, titel, cijfer, toelichting, extra) {
  return el('div', { 'class': 'kaart', 'data-testid': testid }, [
    el('h3', {}, [titel]),
    el('p', { 'class': 'kengetal' + (cijfer.onderdrukt ? ' onderdrukt' : ''), 'data-onderdrukt': cijfer.onderdrukt ? 'true' : null, 'data-testid': testid + '-waarde' }, [cijfer.tekst]),
    el('p', { 'class': 'toelichting' }, [toelichting])
  ].concat(extra || []));
}

/**
 * The summary the steering group reads first: per regio housed in the latest year of the range against
 * that year's target, the median lead time, and the cases per phase now. Every number is a published
 * cell as the API gave it; the only arithmetic is a shown count as a percentage of the (public) target.
 */
function samenvatting(data, filters) {
  var doelen = data.doelen || [];
  var jaar = doelen.reduce(function (m, d) { return Math.max(m, d.jaar); }, 0);
  var lopend = jaar === new Date().getFullYear();
  var kaarten = doelen.filter(function (d) { return d.jaar === jaar; }).map(function (d) {
    var g = d.gerealiseerd;
    var getoond = !g.onderdrukt && g.waarde !== null;
    var extra = getoond && d.doel ? [el('progress', { max: String(d.doel), value: String(Math.min(g.waarde, d.doel)), 'aria-label': 'Gehuisvest tegenover het jaardoel' })] : [];
    return kaart('samenvatting-doel-' + d.regio, 'Gehuisvest in ' + jaar + (lopend ? ' (tot nu toe)' : '') + ' – ' + regioNaam(d.regio),
      cijferCel(g),
      'van de ' + getal(d.doel) + ' woningen van het jaardoel' + (getoond && d.doel ? ' (' + Math.round((100 * g.waarde) / d.doel) + '%)' : '') + '.',
      extra);
  });
  // Over several years the latest year's median (the steering group's "this year"); over one period, that period's.
  var perJaar = data.doorlooptijdPerJaar || [];
  var geheel = data.doorlooptijd || { onderdrukt: false };
  var d = perJaar.length > 1 ? perJaar[perJaar.length - 1] : geheel;
  var wanneer = perJaar.length > 1 ? 'in ' + d.jaar + (d.jaar === new Date().getFullYear() ? ' (tot nu toe)' : '')
    : 'in ' + maandLabel(filters.vanMaand) + (filters.vanMaand === filters.totMaand ? '' : ' t/m ' + maandLabel(filters.totMaand));
  kaarten.push(kaart('samenvatting-doorlooptijd', 'Mediane doorlooptijd' + (perJaar.length > 1 ? ' ' + d.jaar : ''), dagenCel(d, ' dagen'),
    'van aanmelding tot gehuisvest, voor wie gehuisvest werd ' + wanneer +
    (!d.onderdrukt && d.p25Dagen !== null && d.p25Dagen !== undefined ? '; de helft tussen ' + getal(d.p25Dagen) + ' en ' + getal(d.p75Dagen) + ' dagen' : '') +
    (perJaar.length > 1 ? '. Over de hele periode: ' + dagenCel(geheel, ' dagen').tekst : '') + '.'));
  var fasen = data.fasenNu || [];
  var fasenGrafiek = staafConfig({
    labels: fasen.map(function (f) { return CONFIG.fasen[f.fase] || f.fase; }),
    reeksen: [{ sleutel: 'aantal', label: 'Trajecten', kleur: KLEUREN.accent, cijfers: fasen.map(function (f) { return f.aantal; }) }],
    horizontaal: true, marker: MARKER
  });
  return blok('samenvatting', 'In één oogopslag', [
    el('div', { 'class': 'kaarten' }, kaarten),
    el('h3', {}, ['Trajecten per fase (nu)']),
    grafiekVak('grafiek-fasen', 'Trajecten per fase (nu)', fasenGrafiek, 40 + 30 * fasen.length)
  ]);
}

function grafiekenBlok(data) {
  var perPeriode = data.perPeriode || [];
  var trend = staafConfig({
    labels: perPeriode.map(function (p) { return periodeLabel(p.periode); }),
    reeksen: [
      { sleutel: 'aangemeld', label: 'Aangemeld', kleur: KLEUREN.accent, cijfers: perPeriode.map(function (p) { return p.aangemeld; }) },
      { sleutel: 'gehuisvest', label: 'Gehuisvest', kleur: KLEUREN.tweede, cijfers: perPeriode.map(function (p) { return p.gehuisvest; }) }
    ],
    marker: MARKER
  });
  var doelen = data.doelen || [];
  var doelGrafiek = staafConfig({
    labels: doelen.map(function (d) { return regioNaam(d.regio) + ' ' + d.jaar; }),
    reeksen: [
      { sleutel: 'gerealiseerd', label: 'Gehuisvest', kleur: KLEUREN.tweede, cijfers: doelen.map(function (d) { return d.gerealiseerd; }) },
      { sleutel: 'doel', label: 'Jaardoel', kleur: KLEUREN.grijs, cijfers: doelen.map(function (d) { return { waarde: d.doel, onderdrukt: false }; }) }
    ],
    horizontaal: true, marker: MARKER
  });
  return el('div', { 'class': 'naast' }, [
    blok('blok-grafiek-trend', 'Aangemeld en gehuisvest per periode', [grafiekVak('grafiek-trend', 'Aangemeld en gehuisvest per periode', trend, 300)]),
    blok('blok-grafiek-doelen', 'Gehuisvest tegenover het jaardoel', [grafiekVak('grafiek-doelen', 'Gehuisvest tegenover het jaardoel per regio', doelGrafiek, 60 + 44 * doelen.length)])
  ]);
}

function toon(data, filters) {
  wis();
  huidig = { data: data, filters: filters };
  var overzicht = $('overzicht');
  var tabellen = $('tabellen');
  var perPeriode = data.perPeriode || [];
  var doelen = data.doelen || [];
  var d = data.doorlooptijd || { onderdrukt: false };
  var perJaar = data.doorlooptijdPerJaar || [];
  var dagenRij = function (sleutel, label, t) {
    return { sleutel: sleutel, cellen: [label, dagenCel(t, '', 'mediaanDagen'), dagenCel(t, '', 'p25Dagen'), dagenCel(t, '', 'p75Dagen')] };
  };
  var doorloopRijen = perJaar.length > 1
    ? perJaar.map(function (j) { return dagenRij(String(j.jaar), String(j.jaar), j); }).concat([dagenRij('geheel', 'Hele periode', d)])
    : [dagenRij('dagen', 'Dagen', d)];
  var g = data.gesprekken || {};
  var z = data.zelfstandig || {};
  var fonds = data.garantiefonds;
  var zonder = data.zonderToestemming;

  [el('p', { 'class': 'legenda', 'data-testid': 'legenda' }, [legendaTekst(data.drempel)]), samenvatting(data, filters), grafiekenBlok(data)]
    .forEach(function (b) { overzicht.appendChild(b); });

  [
    blok('blok-per-periode', 'Aanmeldingen en uitkomsten per periode', [
      tabel('tabel-per-periode', 'Per periode', ['Periode', 'Aangemeld', 'Niet doelgroep (regulier huren)', 'Niet doelgroep (andere reden)', 'Doelgroep', 'Gehuisvest'],
        perPeriode.map(function (p) {
          return { sleutel: p.periode, cellen: [periodeLabel(p.periode), cijferCel(p.aangemeld), cijferCel(p.nietDoelgroepRegulier), cijferCel(p.nietDoelgroepAnders), cijferCel(p.doelgroep), cijferCel(p.gehuisvest)] };
        }))
    ]),
    blok('blok-doelen', 'Woningen tegenover de jaardoelen', [
      el('p', {}, ['De doelen gelden per kalenderjaar en worden niet naar rato verdeeld over een kortere periode.']),
      tabel('tabel-doelen', 'Jaardoelen per regio', ['Regio', 'Jaar', 'Jaardoel', 'Gehuisvest', 'Percentage van doel'],
        doelen.map(function (x) {
          var pct = x.gerealiseerd.onderdrukt ? { tekst: MARKER, onderdrukt: true, getal: true }
            : { tekst: x.gerealiseerd.waarde === null || !x.doel ? '–' : Math.round((100 * x.gerealiseerd.waarde) / x.doel) + '%', getal: true };
          return { sleutel: x.regio + ' ' + x.jaar, cellen: [regioNaam(x.regio), { tekst: String(x.jaar), getal: true }, { tekst: getal(x.doel), getal: true }, cijferCel(x.gerealiseerd), pct] };
        }))
    ]),
    blok('blok-per-gemeente', 'Per gemeente', [
      tabel('tabel-per-gemeente', 'Per gemeente', ['Gemeente', 'Regio', 'Aangemeld', 'Gehuisvest'],
        (data.perGemeente || []).map(function (x) {
          return { sleutel: x.gemeente, cellen: [gemeenteNaam(x.gemeente), regioNaam(x.regio), cijferCel(x.aangemeld), cijferCel(x.gehuisvest)] };
        }))
    ]),
    el('div', { 'class': 'naast' }, [
      blok('blok-doorlooptijd', 'Doorlooptijd', [
        tabel('tabel-doorlooptijd', 'Dagen van aanmelding tot huisvesting', ['Maat', 'Mediaan', '25e percentiel', '75e percentiel'],
          doorloopRijen)
      ]),
      blok('blok-fasen', 'Trajecten per fase (nu)', [
        tabel('tabel-fasen', 'Aantal trajecten per fase', ['Fase', 'Aantal'],
          (data.fasenNu || []).map(function (f) { return { sleutel: f.fase, cellen: [CONFIG.fasen[f.fase] || f.fase, cijferCel(f.aantal)] }; }))
      ])
    ]),
    el('div', { 'class': 'naast' }, [
      blok('blok-gesprekken', 'Gesprekken tussen partijen', [
        tabel('tabel-gesprekken', 'Gesprekken over de randvoorwaarden', ['Uitkomst', 'Aantal'], [
          { sleutel: 'geleid', cellen: ['Leidde tot passende huisvesting', cijferCel(g.leiddeTotHuisvesting)] },
          { sleutel: 'niet-geleid', cellen: ['Leidde niet tot passende huisvesting', cijferCel(g.nietGeleid)] }
        ]),
        tabel('tabel-gesprek-redenen', 'Redenen als het gesprek niet tot huisvesting leidde', ['Reden', 'Aantal'],
          (g.redenen || []).map(function (r) { return { sleutel: r.reden, cellen: [r.reden, cijferCel(r.aantal)] }; }))
      ]),
      blok('blok-zelfstandig', 'Duurzaamheid van de uitstroom', [
        tabel('tabel-zelfstandig', 'Nog zelfstandig wonend', ['Na', 'Aantal'], [
          { sleutel: 'een-jaar', cellen: ['1 jaar', cijferCel(z.naEenJaar)] },
          { sleutel: 'twee-jaar', cellen: ['2 jaar', cijferCel(z.naTweeJaar)] }
        ])
      ])
    ]),
    el('div', { 'class': 'naast' }, [
      blok('blok-garantiefonds', 'Garantiefonds', [fonds
        ? tabel('tabel-garantiefonds', 'Stand van het garantiefonds', ['Onderdeel', 'Waarde'], [
          { sleutel: 'saldo', cellen: ['Saldo', { tekst: euro(fonds.saldoCent), getal: true }] },
          { sleutel: 'openstaand', cellen: ['Openstaande bijdragen', { tekst: euro(fonds.bijdragenOpenstaandCent), getal: true }] },
          { sleutel: 'aanvragen', cellen: ['Aanvragen', { tekst: getal(fonds.aanvragen), getal: true }] },
          { sleutel: 'uitbetaald', cellen: ['Uitbetaald', { tekst: euro(fonds.uitbetaaldCent), getal: true }] }
        ])
        : el('p', {}, ['Geen gegevens van het garantiefonds beschikbaar.'])]),
      blok('blok-zonder-toestemming', 'Gedeeld zonder toestemming', [zonder
        ? tabel('tabel-zonder-toestemming', 'Besluiten om zonder toestemming te delen', ['Onderdeel', 'Aantal'], [
          { sleutel: 'gedeeld', cellen: ['Besluiten tot delen', { tekst: getal(zonder.gedeeld), getal: true }] },
          { sleutel: 'bezwaren', cellen: ['Bezwaren', { tekst: getal(zonder.bezwaren), getal: true }] }
        ])
        : el('p', {}, ['Geen gegevens beschikbaar.'])])
    ])
  ].forEach(function (b) { tabellen.appendChild(b); });
  $('bereik').textContent = 'Periode: ' + bereikTekst(filters) + '.';
  $('afgedrukt').textContent = 'Afgedrukt op ' + new Date().toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' }) + '.';
  overzicht.hidden = false;
  tabellen.hidden = false;
  tekenGrafieken();
  $('exporteer').disabled = false;
  $('afdrukken').disabled = false;
}

function wis() {
  huidig = null;
  wisGrafieken();
  ['overzicht', 'tabellen'].forEach(function (id) {
    $(id).textContent = '';
    $(id).hidden = true;
  });
  $('exporteer').disabled = true;
  $('afdrukken').disabled = true;
}

function toonFout(melding) {
  wis();
  var fout = $('fout');
  fout.textContent = melding;
  fout.hidden = false;
  $('status').textContent = '';
}

function verbergFout() {
  var fout = $('fout');
  fout.textContent = '';
  fout.hidden = true;
}

function leesFilters() {
  var periode = $('periode').value;
  var van = $('van').value.trim();
  var tot = $('tot').value.trim();
  if (!/^\d{4}-\d{2}$/.test(van) || !/^\d{4}-\d{2}$/.test(tot)) return { fout: 'Vul de begin- en eindmaand in als JJJJ-MM.' };
  if (van > tot) return { fout: 'De beginmaand ligt na de eindmaand.' };
  var j = Number(tot.slice(0, 4));
  var m = Number(tot.slice(5, 7));
  var volgende = m === 12 ? (j + 1) + '-01' : j + '-' + (m < 9 ? '0' : '') + (m + 1);
  var regio = $('regio').value || null;
  return {
    periode: periode, vanMaand: van, totMaand: tot, regio: regio,
    variabelen: { periode: periode, van: van + '-01', tot: volgende + '-01', regio: regio }
  };
}

function token() {
  return $('token').value.trim().replace(/^Bearer\s+/i, '');
}

function meldingVoor(errors) {
  var codes = errors.map(function (e) { return (e && e.extensions && e.extensions.code) || ''; });
  for (var i = 0; i < codes.length; i++) if (MELDINGEN[codes[i]]) return MELDINGEN[codes[i]] + ' (code ' + codes[i] + ')';
  // The server explains a refused question in Dutch (e.g. too many periods): show its words.
  for (var j = 0; j < codes.length; j++) {
    if (codes[j] === 'ONGELDIGE_INVOER' && typeof errors[j].message === 'string') return errors[j].message + ' (code ONGELDIGE_INVOER)';
  }
  var code = codes.filter(Boolean)[0];
  return 'De cijfers konden niet worden opgehaald' + (code ? ' (code ' + code + ').' : '.');
}

function laad() {
  verbergFout();
  var filters = leesFilters();
  if (filters.fout) { toonFout(filters.fout); return Promise.resolve(); }
  var t = token();
  if (!t) { toonFout('Vul eerst een toegangstoken in' + (CONFIG.devPersonas ? ', of gebruik de ontwikkel-login.' : '.')); return Promise.resolve(); }
  var mijn = ++verzoek;
  $('status').textContent = 'Cijfers worden opgehaald…';
  return fetch(CONFIG.graphqlPath, {
    method: 'POST',
    headers: { authorization: 'Bearer ' + t, 'content-type': 'application/json' },
    body: JSON.stringify({ query: CONFIG.query, variables: filters.variabelen })
  }).then(function (res) {
    if (res.status === 401) return { fout: MELDINGEN.UNAUTHENTICATED + ' (HTTP 401)' };
    return res.json().then(function (body) {
      if (body && body.errors && body.errors.length) return { fout: meldingVoor(body.errors) };
      if (!res.ok || !body || !body.data || !body.data.monitoring) return { fout: 'Onverwacht antwoord van de server (HTTP ' + res.status + ').' };
      return { data: body.data.monitoring };
    }, function () { return { fout: 'Onverwacht antwoord van de server (HTTP ' + res.status + ').' }; });
  }, function () {
    return { fout: 'De server is niet bereikbaar. Probeer het later opnieuw.' };
  }).then(function (uitkomst) {
    if (mijn !== verzoek) return;
    // Signed in, the token box gives way to the figures; a token not (or no longer) accepted brings
    // it back. Other failures (a period refused, the server away) leave it as it was.
    if (!uitkomst.fout) aangemeld(true);
    else if (uitkomst.fout.startsWith(MELDINGEN.UNAUTHENTICATED) || uitkomst.fout.startsWith(MELDINGEN.DOSERING_GEWEIGERD)) aangemeld(false);
    if (uitkomst.fout) { toonFout(uitkomst.fout); return; }
    toon(uitkomst.data, filters);
    $('status').textContent = 'Bijgewerkt om ' + new Date().toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' }) + '.';
  });
}

function aangemeld(ja) {
  $('aanmelden').hidden = ja;
  $('aangemeld').hidden = !ja;
}

/** Forgets the token and takes the figures off the screen, back to the sign-in box. */
function afmelden() {
  verzoek++;
  $('token').value = '';
  wis();
  verbergFout();
  aangemeld(false);
  $('status').textContent = 'Afgemeld.';
  $('token').focus();
}

function devLogin() {
  verbergFout();
  $('status').textContent = 'Ontwikkel-token wordt opgehaald…';
  return fetch('/dev/token?partij=WERKGROEP').then(function (res) {
    if (!res.ok) throw new Error('HTTP ' + res.status);
    var soort = res.headers.get('content-type') || '';
    return soort.indexOf('json') >= 0
      ? res.json().then(function (b) { return typeof b === 'string' ? b : (b && (b.token || b.access_token || b.accessToken)) || ''; })
      : res.text();
  }).then(function (t) {
    t = String(t).trim();
    if (!t) throw new Error('leeg token');
    $('token').value = t;
    return laad();
  }).catch(function (e) {
    toonFout('De ontwikkel-login is mislukt (' + (e && e.message ? e.message : 'onbekende fout') + ').');
  });
}

(function start() {
  // The API answers only fixed calendar periods (a month, quarter, half-year, year or whole years), so
  // that no two answers can be subtracted into a hidden number. The default is the current and the two
  // previous calendar years per year: per year and regio the counts are large enough that suppression
  // hides little, where a month table is mostly the marker.
  var jaar = new Date().getFullYear();
  $('periode').value = 'JAAR';
  $('van').value = (jaar - 2) + '-01';
  $('tot').value = jaar + '-12';
  $('aanmelden').addEventListener('submit', function (e) { e.preventDefault(); laad(); });
  $('filters').addEventListener('submit', function (e) { e.preventDefault(); laad(); });
  $('exporteer').addEventListener('click', exporteer);
  $('afdrukken').addEventListener('click', function () { window.print(); });
  $('afmelden').addEventListener('click', afmelden);
  var dev = $('dev-login');
  if (dev) dev.addEventListener('click', devLogin);
})();
`;
