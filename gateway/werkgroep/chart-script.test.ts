import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CHART_SCRIPT } from './chart-script.js';

type Config = {
  type: string;
  data: { labels: string[]; datasets: { sleutel: string; label: string; data: (number | null)[]; onderdrukt: boolean[] }[] };
  options: { indexAxis: string; scales: Record<string, { ticks: Record<string, unknown> }>; plugins: { onderdrukt: { marker: string } } };
  plugins: { id: string }[];
};
function load(): { staafConfig: (opties: unknown) => Config; getal: (n: number) => string } {
  const context: Record<string, unknown> = {};
  runInNewContext(CHART_SCRIPT, context);
  return context as never;
}
const { staafConfig, getal } = load();

describe('staafConfig', () => {
  const config = staafConfig({
    labels: ['jan 2025', 'feb 2025', 'mrt 2025'],
    reeksen: [
      { sleutel: 'aangemeld', label: 'Aangemeld', kleur: '#000', cijfers: [{ waarde: 12, onderdrukt: false }, { waarde: null, onderdrukt: true }, { waarde: 0, onderdrukt: false }] },
      { sleutel: 'gehuisvest', label: 'Gehuisvest', kleur: '#111', cijfers: [{ waarde: 7, onderdrukt: false }, { waarde: 1200, onderdrukt: false }, { waarde: null, onderdrukt: true }] },
    ],
    marker: 'x',
  });

  it('carries every shown count as it is, a hidden one as null and flagged for the marker', () => {
    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual(['jan 2025', 'feb 2025', 'mrt 2025']);
    expect(config.data.datasets.map((d) => [d.sleutel, d.data, d.onderdrukt])).toEqual([
      ['aangemeld', [12, null, 0], [false, true, false]],
      ['gehuisvest', [7, 1200, null], [false, false, true]],
    ]);
    expect(config.options.plugins.onderdrukt.marker).toBe('x');
    expect(config.plugins.map((p) => p.id)).toEqual(['onderdrukt']);
  });

  it('keeps category labels horizontal and lets Chart.js skip those that would overlap', () => {
    expect(config.options.indexAxis).toBe('x');
    expect(config.options.scales['x']!.ticks).toMatchObject({ autoSkip: true, maxRotation: 0, minRotation: 0 });
    const liggend = staafConfig({ labels: ['Noord-Limburg 2025'], reeksen: [{ sleutel: 'a', label: 'A', kleur: '#000', cijfers: [{ waarde: 1, onderdrukt: false }] }], horizontaal: true, marker: 'x' });
    expect(liggend.options.indexAxis).toBe('y');
    expect(liggend.options.scales['y']!.ticks).toMatchObject({ autoSkip: true });
  });
});

describe('getal', () => {
  it('writes thousands the Dutch way', () => {
    expect([getal(0), getal(999), getal(1000), getal(1234567)]).toEqual(['0', '999', '1.000', '1.234.567']);
  });
});
