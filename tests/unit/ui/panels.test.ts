/**
 * The tab registry, the one list of tabs: ids unique (the state's default among them), a label
 * in both languages, the click tools armed only while their feature is editing, the task tabs'
 * maps, and props read from the app only when a component reads them.
 */
import { describe, expect, it } from 'vitest';
import type { AppState } from '../../../src/state/app.svelte';
import { liveProps, PANEL_LIST, panelOf } from '../../../src/ui/panels';
import { messages } from '../../../src/i18n';

describe('PANEL_LIST', () => {
  it('declares each tab once, the map tab (the state opens it first) first', () => {
    const ids = PANEL_LIST.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('peta');
    expect(() => panelOf('nope')).toThrow('No descriptor');
  });

  it('gives every content and overlay prop a reader, and overlays only beside a tab', () => {
    for (const panel of PANEL_LIST) {
      for (const read of Object.values(panel.props)) expect(typeof read, panel.id).toBe('function');
      if (panel.overlayProps) expect(panel.overlay, panel.id).toBeDefined();
    }
  });

  it('the task tabs map what they rank or measure; the others map nothing of their own', () => {
    const app = { targeting: { unitsIndicator: 'rtlh', by: 'per100' }, program: { coverageId: 'program:cakupan' }, measure: 'jumlah' } as unknown as AppState;
    expect(panelOf('sasaran').task!(app)).toEqual({ indikator: 'rtlh', measure: 'rasio' });
    (app.targeting as { by: string }).by = 'units';
    expect(panelOf('sasaran').task!(app)).toEqual({ indikator: 'rtlh', measure: 'jumlah' });
    expect(panelOf('program').task!(app)).toEqual({ indikator: 'program:cakupan', measure: 'jumlah' });
    expect(PANEL_LIST.filter((p) => p.task).map((p) => p.id)).toEqual(['sasaran', 'program']);
  });

  it('reads a prop from the app when the component reads it, not before', () => {
    const reads: string[] = [];
    const app = {
      get lang() {
        reads.push('lang');
        return 'en';
      },
      get tahun() {
        reads.push('tahun');
        return 2025;
      },
    } as unknown as AppState;
    const props = liveProps<{ lang: string; tahun: number }>(app, { lang: (a) => a.lang, tahun: (a) => a.tahun });
    expect(reads).toEqual([]);
    expect(props.tahun).toBe(2025);
    expect(reads).toEqual(['tahun']);
    expect(Object.keys(props)).toEqual(['lang', 'tahun']);
  });

  it('labels every tab in Bahasa Indonesia and English', () => {
    for (const panel of PANEL_LIST) {
      expect(messages.id[panel.label], panel.id).toBeTruthy();
      expect(messages.en[panel.label], panel.id).toBeTruthy();
    }
  });

  it('the targeting tool takes clicks on a kelurahan only while a target list is edited', () => {
    const toggled: string[] = [];
    const app = { targeting: { editing: false, toggle: (kode: string) => toggled.push(kode) } } as unknown as AppState;
    const tool = panelOf('sasaran').tool!;
    expect(tool(app)).toBeNull();
    (app.targeting as { editing: boolean }).editing = true;
    const armed = tool(app)!;
    expect(armed.click({ lngLat: [0, 0], kode: 'k1' })).toBe(true);
    // Over empty map the click goes on to the selection (which clears it).
    expect(armed.click({ lngLat: [0, 0], kode: null })).toBe(false);
    expect(toggled).toEqual(['k1']);
  });

  it('the focus-area tool takes every click while drawing or picking', () => {
    const clicks: unknown[] = [];
    const app = { areas: { mode: 'none', click: (lngLat: [number, number], kode: string | null) => clicks.push([lngLat, kode]) } } as unknown as AppState;
    const tool = panelOf('kawasan').tool!;
    expect(tool(app)).toBeNull();
    (app.areas as { mode: string }).mode = 'draw';
    expect(tool(app)!.click({ lngLat: [1, 2], kode: null })).toBe(true);
    expect(clicks).toEqual([[[1, 2], null]]);
  });
});
