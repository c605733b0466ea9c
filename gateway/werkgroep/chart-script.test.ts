import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CHART_SCRIPT } from './chart-script.js';

type Fn = (...args: unknown[]) => string;
function load(): { staafgrafiekSvg: Fn; lijngrafiekSvg: Fn; getal: (n: number) => string } {
  const context: Record<string, unknown> = {};
  runInNewContext(CHART_SCRIPT, context);
  return context as never;
}
const { staafgrafiekSvg, lijngrafiekSvg, getal } = load();

describe('staafgrafiekSvg', () => {
  const svg = staafgrafiekSvg(
    [
      { sleutel: 'N 2025', label: 'Noord <2025>', waarden: [{ reeks: 'gerealiseerd', waarde: 96, onderdrukt: false }, { reeks: 'doel', waarde: 120, onderdrukt: false }] },
      { sleutel: 'M 2025', label: 'Midden', waarden: [{ reeks: 'gerealiseerd', waarde: null, onderdrukt: true }, { reeks: 'doel', waarde: 100, onderdrukt: false }] },
    ],
    { titel: 'Doelen', marker: 'x', testid: 'grafiek-doelen', reeksen: [{ sleutel: 'gerealiseerd', label: 'Gehuisvest' }, { sleutel: 'doel', label: 'Jaardoel' }] },
  );

  it('draws one bar with its value for every shown number', () => {
    const bars = [...svg.matchAll(/<rect class="staaf[^"]*" data-reeks="(\w+)" data-groep="([^"]+)" data-waarde="(\d+)"/g)].map((m) => m.slice(1));
    expect(bars).toEqual([
      ['gerealiseerd', 'N 2025', '96'],
      ['doel', 'N 2025', '120'],
      ['doel', 'M 2025', '100'],
    ]);
  });

  it('draws the marker and no bar for a hidden number', () => {
    expect(svg).toMatch(/<text class="marker" data-reeks="gerealiseerd" data-groep="M 2025" data-onderdrukt="true"[^>]*>x<\/text>/);
  });

  it('escapes every text', () => {
    expect(svg).toContain('Noord &lt;2025&gt;');
    expect(svg).not.toContain('<2025>');
  });
});

describe('lijngrafiekSvg', () => {
  const svg = lijngrafiekSvg(
    [{ sleutel: '2025-01', label: 'jan 2025' }, { sleutel: '2025-02', label: 'feb 2025' }, { sleutel: '2025-03', label: 'mrt 2025' }],
    [{ sleutel: 'aangemeld', label: 'Aangemeld', punten: [{ waarde: 12, onderdrukt: false }, { waarde: null, onderdrukt: true }, { waarde: 1200, onderdrukt: false }] }],
    { titel: 'Trend', marker: 'x', testid: 'grafiek-trend' },
  );

  it('draws a point per shown value, the marker for a hidden one, and breaks the line there', () => {
    const points = [...svg.matchAll(/<circle [^>]*data-periode="([^"]+)" data-waarde="(\d+)"/g)].map((m) => [m[1], m[2]]);
    expect(points).toEqual([['2025-01', '12'], ['2025-03', '1200']]);
    expect(svg).toMatch(/data-periode="2025-02" data-onderdrukt="true"[^>]*>x<\/text>/);
    expect(svg).not.toContain('<polyline');
    expect(svg).toContain('>1.200</text>');
  });
});

describe('getal', () => {
  it('writes thousands the Dutch way', () => {
    expect([getal(0), getal(999), getal(1000), getal(1234567)]).toEqual(['0', '999', '1.000', '1.234.567']);
  });
});
