import { describe, expect, it } from 'vitest';
import { DESA_INDEX_STATE } from '../../../src/map/national-colour-layer';
import { NATIONAL_HOVER_SOURCE, NATIONAL_LAYERS, NATIONAL_SOURCE, nationalStyle } from '../../../src/map/national-style';

describe('national map style', () => {
  const style = nationalStyle('http://host/app/national/tiles/{z}/{x}/{y}.pbf');

  it('reads the desa layer of the tiles with kode as feature id, over the zooms they were built for', () => {
    const source = style.sources[NATIONAL_SOURCE] as { type: string; tiles: string[]; minzoom: number; maxzoom: number; promoteId: Record<string, string> };
    expect(source.type).toBe('vector');
    expect(source.tiles).toEqual(['http://host/app/national/tiles/{z}/{x}/{y}.pbf']);
    expect([source.minzoom, source.maxzoom]).toEqual([3, 10]);
    expect(source.promoteId).toEqual({ desa: 'kode' });
  });

  it('draws fills and, from zoom 9, outlines from that layer; the hover outline has its own source', () => {
    const layers = style.layers.filter((l) => 'source' in l && l.source === NATIONAL_SOURCE);
    expect(layers.map((l) => l.id)).toEqual([NATIONAL_LAYERS.fill, NATIONAL_LAYERS.line]);
    for (const layer of layers) expect((layer as { 'source-layer': string })['source-layer']).toBe('desa');
    expect(layers.find((l) => l.id === NATIONAL_LAYERS.line)!.minzoom).toBe(9);
    // The fill's colour encodes the desa's index, held in feature-state (national-colour-layer.ts);
    // no other layer on the 83,402 desa reads feature-state.
    expect(JSON.stringify(layers[0].paint)).toContain(`"feature-state","${DESA_INDEX_STATE}"`);
    expect(JSON.stringify(layers.filter((l) => l.id !== NATIONAL_LAYERS.fill))).not.toContain('feature-state');
    expect(style.layers.find((l) => l.id === NATIONAL_LAYERS.hover)).toMatchObject({ source: NATIONAL_HOVER_SOURCE });
  });
});
