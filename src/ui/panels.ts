/**
 * The side panel's tabs, one descriptor each: its content, its overlay on the map and its map
 * click tool. App.svelte lists the tabs and renders their contents from here and puts every
 * overlay inside the map, so a new tab is one descriptor (its id also in state's PANELS, which
 * the URL and saved views use, and its `tabs.<id>` label in the messages).
 */
import type { Component } from 'svelte';
import type { MessageKey } from '../i18n';
import type { AppState, Panel } from '../state/app.svelte';
import type { MapTool } from '../state/map-tool.svelte';
import AccessOverlay from '../map/overlays/AccessOverlay.svelte';
import AnalysisOverlay from '../map/overlays/AnalysisOverlay.svelte';
import AreasOverlay from '../map/overlays/AreasOverlay.svelte';
import PointsOverlay from '../map/overlays/PointsOverlay.svelte';
import ProgramOverlay from '../map/overlays/ProgramOverlay.svelte';
import TargetingOverlay from '../map/overlays/TargetingOverlay.svelte';
import AccessPanel from './AccessPanel.svelte';
import AreasPanel from './AreasPanel.svelte';
import DataPanel from './DataPanel.svelte';
import MapTab from './MapTab.svelte';
import ProgramPanel from './ProgramPanel.svelte';
import TargetingPanel from './TargetingPanel.svelte';
import ViewsTab from './ViewsTab.svelte';

export interface PanelDescriptor {
  id: Panel;
  /** The tab's name. */
  label: MessageKey;
  /** The tab's content. */
  component: Component<{ app: AppState }>;
  /** Kept mounted while another tab is open (the others are mounted only while open). */
  eager?: boolean;
  /** Drawn on the map for the whole session, told whether its tab is open (a feature may show something outside its tab). */
  overlay?: Component<{ app: AppState; open: boolean }>;
  /** The tool map clicks go to while the tab is open, when the feature has one armed (null: clicks select). */
  tool?: (app: AppState) => MapTool | null;
}

export const PANEL_LIST: readonly PanelDescriptor[] = [
  { id: 'peta', label: 'tabs.peta', component: MapTab, eager: true, overlay: AnalysisOverlay },
  {
    id: 'sasaran',
    label: 'tabs.sasaran',
    component: TargetingPanel,
    overlay: TargetingOverlay,
    // While editing a target list, a click on a kelurahan adds or removes it (elsewhere it selects).
    tool: (app) => (app.targeting.editing ? { id: 'targeting', click: ({ kode }) => (kode ? (app.targeting.toggle(kode), true) : false) } : null),
  },
  { id: 'air', label: 'tabs.air', component: AccessPanel, overlay: AccessOverlay },
  { id: 'program', label: 'tabs.program', component: ProgramPanel, overlay: ProgramOverlay },
  {
    id: 'kawasan',
    label: 'tabs.kawasan',
    component: AreasPanel,
    overlay: AreasOverlay,
    // While drawing or picking a focus area, every click adds a vertex or a kelurahan.
    tool: (app) => (app.areas.mode !== 'none' ? { id: 'areas', click: ({ lngLat, kode }) => (app.areas.click(lngLat, kode), true) } : null),
  },
  { id: 'tampilan', label: 'tabs.tampilan', component: ViewsTab },
  { id: 'data', label: 'tabs.data', component: DataPanel, eager: true, overlay: PointsOverlay },
];

/** The descriptor of a tab. */
export function panelOf(id: Panel): PanelDescriptor {
  const found = PANEL_LIST.find((p) => p.id === id);
  if (!found) throw new Error(`No descriptor for the tab ${id} (src/ui/panels.ts).`);
  return found;
}
