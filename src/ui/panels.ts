/**
 * The side panel's tabs, one descriptor each, and the one place a tab is declared: its id (the
 * state keeps the open tab's id as a plain string), its label, its content and the props that
 * content reads from the app, its overlay on the map with the props the overlay reads, its map
 * click tool, and what it puts on the map while open. App.svelte lists the tabs, renders their
 * contents and puts every overlay inside the map from here, so a new tab is one descriptor here
 * (and its `tabs.<id>` label in the messages).
 *
 * Contents and overlays take plain props, not the app: each prop is read from the app through
 * its getter (`liveProps`) only when the component reads it, so a tab reruns for what it shows.
 */
import type { Component } from 'svelte';
import type { MessageKey } from '../i18n';
import type { AppState, PanelTask } from '../state/app.svelte';
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
import { ANALYSIS_PROPS, CONTROLS_PROPS, POCKETS_PROPS } from './map-props';
import MapTab from './MapTab.svelte';
import ProgramPanel from './ProgramPanel.svelte';
import TargetingPanel from './TargetingPanel.svelte';
import ViewsTab from './ViewsTab.svelte';
import { saveExport } from './export-formats';
import { mapTitle } from './map-title';

/** How each prop of a component is read from the app. */
export type PropsFrom<P> = { [K in keyof P]-?: (app: AppState) => P[K] };

/** A tab as `tab()` checks it: P the content's props, O the overlay's (`open` is given by App.svelte). */
interface TabSpec<P extends Record<string, unknown>, O extends Record<string, unknown>> {
  id: string;
  /** The tab's name. */
  label: MessageKey;
  /** The tab's content, and how its props are read from the app. */
  component: Component<P>;
  props: PropsFrom<P>;
  /** Kept mounted while another tab is open (the others are mounted only while open). */
  eager?: boolean;
  /** Drawn on the map for the whole session, told whether its tab is open (a feature may show something outside its tab). */
  overlay?: Component<O>;
  overlayProps?: PropsFrom<Omit<O, 'open'>>;
  /** The tool map clicks go to while the tab is open, when the feature has one armed (null: clicks select). */
  tool?: (app: AppState) => MapTool | null;
  /** What the tab maps while open (its own indicator), put back when the user leaves it. */
  task?: (app: AppState) => PanelTask;
}

/** The registry's view of a tab: contents of different props side by side (`tab()` checked each). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one list holds tabs whose props differ; tab() types each against its component.
export type PanelDescriptor = TabSpec<any, any>;

/** A tab descriptor, its props checked against its content and overlay. */
function tab<P extends Record<string, unknown>, O extends Record<string, unknown> = { open: boolean }>(spec: TabSpec<P, O>): PanelDescriptor {
  return spec;
}

const t = (app: AppState) => app.t;
const lang = (app: AppState) => app.lang;
const city = (app: AppState) => app.city;
const kelurahan = (app: AppState) => app.kelurahan;
const tahun = (app: AppState) => app.tahun;
const ready = (app: AppState) => app.kelurahan !== null;

export const PANEL_LIST: readonly PanelDescriptor[] = [
  tab({
    id: 'peta',
    label: 'tabs.peta',
    component: MapTab,
    props: { controls: (app) => liveProps(app, CONTROLS_PROPS), analysis: (app) => liveProps(app, ANALYSIS_PROPS), pockets: (app) => liveProps(app, POCKETS_PROPS), t },
    eager: true,
    overlay: AnalysisOverlay,
    overlayProps: {
      categories: (app) => (app.analysis.local ? app.analysis.categories : null),
      neighboursOf: (app) => (app.analysis.local && app.analysis.weights ? (index) => app.analysis.neighboursOf(index) : null),
      kelurahan,
      selected: (app) => app.selected,
    },
  }),
  tab({
    id: 'sasaran',
    label: 'tabs.sasaran',
    component: TargetingPanel,
    props: { targeting: (app) => app.targeting, city, kelurahan, tahun, lang, t },
    overlay: TargetingOverlay,
    overlayProps: { ready, outlined: (app) => app.targeting.selectedKode },
    // While editing a target list, a click on a kelurahan adds or removes it (elsewhere it selects).
    tool: (app) => (app.targeting.editing ? { id: 'targeting', click: ({ kode }) => (kode ? (app.targeting.toggle(kode), true) : false) } : null),
    // The tab ranks by RTLH: the map shows the RTLH count, per 100 households when it ranks by that.
    task: (app) => ({ indikator: app.targeting.unitsIndicator, measure: app.targeting.by === 'per100' ? 'rasio' : 'jumlah' }),
  }),
  tab({
    id: 'air',
    label: 'tabs.air',
    component: AccessPanel,
    props: {
      access: (app) => app.access,
      city,
      kelurahan,
      indikator: (app) => app.indikator,
      lang,
      t,
      refresh: (app) => () => void app.refresh(),
      setIndicator: (app) => (id) => app.setIndicator(id),
    },
    overlay: AccessOverlay,
    overlayProps: { ready, outlined: (app) => app.access.bothWorst.map((r) => r.kode) },
  }),
  tab({
    id: 'program',
    label: 'tabs.program',
    component: ProgramPanel,
    props: {
      program: (app) => app.program,
      city,
      kelurahan,
      tahun,
      indikator: (app) => app.indikator,
      regionIndicators: (app) => app.regionIndicators,
      lang,
      t,
      setIndicator: (app) => (id) => app.setIndicator(id),
    },
    overlay: ProgramOverlay,
    overlayProps: { sites: (app) => (app.program.showSites ? app.program.sites : []), programLabel: (app) => (id) => app.programLabel(id), t },
    // The tab measures program coverage: the map shows it.
    task: (app) => ({ indikator: app.program.coverageId, measure: app.measure }),
  }),
  tab({
    id: 'kawasan',
    label: 'tabs.kawasan',
    component: AreasPanel,
    props: {
      areas: (app) => app.areas,
      city,
      kelurahan,
      tahun,
      shownSynthetic: (app) => app.shownSynthetic,
      programLabel: (app) => (id) => app.programLabel(id),
      lang,
      t,
    },
    overlay: AreasOverlay,
    overlayProps: {
      drawing: ({ areas }) => ({ shape: areas.shape.geometry, mode: areas.mode, draft: areas.draft, picked: areas.picked }),
      inUse: (app) => app.areas.active !== null,
      kelurahan,
    },
    // While drawing or picking a focus area, every click adds a vertex or a kelurahan.
    tool: (app) => (app.areas.mode !== 'none' ? { id: 'areas', click: ({ lngLat, kode }) => (app.areas.click(lngLat, kode), true) } : null),
  }),
  tab({
    id: 'tampilan',
    label: 'tabs.tampilan',
    component: ViewsTab,
    props: {
      views: (app) => app.views,
      city,
      tahun,
      indicator: (app) => app.indicator,
      lang,
      t,
      mapTitle: (app) =>
        mapTitle(app.t, { indicator: app.indicator.label[app.lang], tahun: app.tahun, compareYear: app.compareYear, isChange: app.isChange, span: app.analysis.span }),
      // The map is lent to the exports once drawn (read at the click, so it is the map on screen then).
      saveMap: (app) => {
        const port = app.mapPort;
        return port ? (format, choice) => saveExport(format, { app, port, ...choice }) : null;
      },
    },
  }),
  tab({
    id: 'data',
    label: 'tabs.data',
    component: DataPanel,
    props: {
      workspace: (app) => app.workspace,
      regionLoader: (app) => app.regionLoader,
      city,
      kelurahan,
      tahun,
      lang,
      t,
      importFile: (app) => (file) => app.importFile(file),
      tryDemoHouseholds: (app) => (which) => void app.tryDemoHouseholds(which),
      workspaceFile: (app) => () => app.workspaceFile(),
      openWorkspace: (app) => (file) => void app.openWorkspace(file),
      reconcile: (app) => app.reconcile,
      // A reconciliation shown on the map: its dataset stored, its indicator mapped as a share or a count.
      showOnMap: (app) => async (dataset, indicator, share) => {
        await app.workspace.addDataset(dataset);
        app.measure = share ? 'rasio' : 'jumlah';
        app.setIndicator(indicator);
      },
    },
    eager: true,
    overlay: PointsOverlay,
    overlayProps: { points: (app) => app.workspace.regionPoints },
  }),
];

/** The descriptor of a tab. */
export function panelOf(id: string): PanelDescriptor {
  const found = PANEL_LIST.find((p) => p.id === id);
  if (!found) throw new Error(`No descriptor for the tab ${id} (src/ui/panels.ts).`);
  return found;
}

/** A component's props as getters on the app: each is read when, and only when, the component reads it. */
export function liveProps<P>(app: AppState, props: PropsFrom<P>): P {
  const live = {} as P;
  for (const key of Object.keys(props) as (keyof P)[]) Object.defineProperty(live, key, { get: () => props[key](app), enumerable: true });
  return live;
}

/** Opens a tab: it becomes the open one, and the map shows what the tab maps (or what it showed before a task tab). */
export function openTab(app: AppState, id: string): void {
  app.openPanel(id, panelOf(id).task?.(app) ?? null);
}
