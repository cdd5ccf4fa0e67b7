/**
 * On the map of all of Indonesia (no outlines below zoom 9) a colour is told apart only by itself:
 * "not significant" must differ clearly from the sea behind the desa and from "no data", and the
 * sea from every colour a desa can take. Measured as CIE76 colour differences (ΔE*ab, sRGB D65):
 * about 2 is barely visible side by side, 10 and more is a different colour at a glance.
 */
import { describe, expect, it } from 'vitest';
import { OPEN_MAP_NOT_SIGNIFICANT, openMapColours } from '../../../src/analysis/open-map-colours';
import { LOCAL_METHODS } from '../../../src/analysis/methods';
import { NATIONAL_PALETTE, paletteSlot } from '../../../src/map/national-classes';
import { NATIONAL_BACKGROUND, nationalStyle } from '../../../src/map/national-style';
import { NO_DATA_COLOR } from '../../../src/map/palette';

/** #rrggbb or rgb(r, g, b) (d3's interpolated ramps) as 0-255 channels. */
function channels(color: string): number[] {
  const rgb = /^rgb\((\d+),\s*(\d+),\s*(\d+)\)$/.exec(color);
  if (rgb) return rgb.slice(1).map(Number);
  return [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
}

function lab(color: string): [number, number, number] {
  const [r, g, b] = channels(color)
    .map((v) => v / 255)
    .map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (841 / 108) * t + 4 / 29);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: string, b: string) => {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};

/** Clearly another colour at a glance. */
const CLEAR = 12;

describe('national map colours', () => {
  it('measures as expected: GeoDa’s not significant against no data is only 8 apart', () => {
    expect(deltaE('#ffffff', '#ffffff')).toBe(0);
    expect(deltaE('#F0F0F0', NO_DATA_COLOR)).toBeLessThan(CLEAR);
    expect(deltaE('#F0F0F0', '#eef1f4')).toBeLessThan(2);
  });

  it('draws not significant clearly apart from the sea, from no data and from no neighbours', () => {
    for (const method of LOCAL_METHODS.filter((m) => m.categories.some((c) => c.label === 'cluster.ns' || c.label === 'hotspot.ns'))) {
      const rows = openMapColours(method.categories);
      const ns = rows.find((r) => r.label === 'cluster.ns' || r.label === 'hotspot.ns')!;
      expect(ns.color).toBe(OPEN_MAP_NOT_SIGNIFICANT);
      expect(paletteSlot(ns.color)).toBeGreaterThanOrEqual(0);
      expect(deltaE(ns.color, NATIONAL_BACKGROUND)).toBeGreaterThan(CLEAR);
      expect(deltaE(ns.color, NO_DATA_COLOR)).toBeGreaterThan(CLEAR);
      for (const other of rows.filter((r) => r !== ns)) expect(deltaE(ns.color, other.color)).toBeGreaterThan(CLEAR);
      // The significant clusters keep GeoDa's colours.
      expect(rows.filter((r) => r !== ns).map((r) => r.color)).toEqual(method.categories.filter((c) => c.label !== ns.label).map((c) => c.color));
    }
  });

  it('paints the sea in a colour no class, category or no data is near', () => {
    expect(nationalStyle('x/{z}/{x}/{y}.pbf').layers[0]).toMatchObject({ type: 'background', paint: { 'background-color': NATIONAL_BACKGROUND } });
    for (const color of [...NATIONAL_PALETTE, NO_DATA_COLOR]) expect(deltaE(NATIONAL_BACKGROUND, color), color).toBeGreaterThan(CLEAR);
  });
});
