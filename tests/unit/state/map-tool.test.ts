/** The active map tool: clicks go to it while it is in use, and releasing an old tool never disarms a newer one. */
import { describe, expect, it } from 'vitest';
import { MapToolState, type MapClick, type MapTool } from '../../../src/state/map-tool.svelte';

const at: MapClick = { lngLat: [110.8, -7.5], kode: '3372' };

function tool(id: string, takes: boolean, log: string[]): MapTool {
  return {
    id,
    click: (click) => {
      log.push(`${id}:${click.kode}`);
      return takes;
    },
  };
}

describe('MapToolState', () => {
  it('without a tool a click is not taken (the map selects)', () => {
    expect(new MapToolState().click(at)).toBe(false);
  });

  it('gives clicks to the tool in use until it is released', () => {
    const log: string[] = [];
    const tools = new MapToolState();
    const release = tools.use(tool('targeting', true, log));
    expect(tools.active?.id).toBe('targeting');
    expect(tools.click(at)).toBe(true);
    release();
    expect(tools.active).toBeNull();
    expect(tools.click(at)).toBe(false);
    expect(log).toEqual(['targeting:3372']);
  });

  it('a tool may let a click through to the selection', () => {
    const tools = new MapToolState();
    tools.use(tool('targeting', false, []));
    expect(tools.click({ ...at, kode: null })).toBe(false);
  });

  it('releasing a replaced tool keeps the newer one', () => {
    const tools = new MapToolState();
    const old = tools.use(tool('targeting', true, []));
    tools.use(tool('areas', true, []));
    old();
    expect(tools.active?.id).toBe('areas');
  });
});
