/**
 * The tab registry: every tab id the state knows has one descriptor, in the same order, with a
 * label in both languages; the click tools arm only while their feature is editing.
 */
import { describe, expect, it } from 'vitest';
import { PANELS, type AppState } from '../../../src/state/app.svelte';
import { PANEL_LIST, panelOf } from '../../../src/ui/panels';
import { messages } from '../../../src/i18n';

describe('PANEL_LIST', () => {
  it('has one descriptor per tab id of the state, in its order', () => {
    expect(PANEL_LIST.map((p) => p.id)).toEqual([...PANELS]);
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
