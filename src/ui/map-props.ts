/**
 * How the map tab's parts (controls, analysis, pockets), the kelurahan profile and the map view
 * read the app: the same pattern as the tabs in panels.ts, one reader per prop, so these
 * components take plain values, state objects and callbacks, never the app whole. App.svelte and
 * panels.ts hand them over through `liveProps`, which reads a prop only when the component does.
 */
import type { ComponentProps } from 'svelte';
import type { AppState } from '../state/app.svelte';
import type MapView from '../map/MapView.svelte';
import type { PropsFrom } from './panels';
import type AnalysisPanel from './AnalysisPanel.svelte';
import type Controls from './Controls.svelte';
import type KelurahanPanel from './KelurahanPanel.svelte';
import type PocketsPanel from './PocketsPanel.svelte';

const t = (app: AppState) => app.t;
const lang = (app: AppState) => app.lang;
const city = (app: AppState) => app.city;
const kelurahan = (app: AppState) => app.kelurahan;
const tahun = (app: AppState) => app.tahun;
const indicator = (app: AppState) => app.indicator;
const analysis = (app: AppState) => app.analysis;
const selected = (app: AppState) => app.selected;
const indikator = (app: AppState) => app.indikator;
const regionIndicators = (app: AppState) => app.regionIndicators;
const shownMeasure = (app: AppState) => app.shownMeasure;
const years = (app: AppState) => app.years;
const isComposite = (app: AppState) => app.isComposite;
const isComputed = (app: AppState) => app.isComputed;
const composite = (app: AppState) => app.composite;

/** The choices that define the map: each value with the app's action that sets it. */
export const CONTROLS_PROPS: PropsFrom<ComponentProps<typeof Controls>> = {
  city,
  cities: (app) => app.cities,
  selectCity: (app) => (slug) => app.selectCity(slug),
  indikator,
  indicator,
  regionIndicators,
  datasets: (app) => app.workspace.datasets,
  setIndicator: (app) => (id) => app.setIndicator(id),
  isComposite,
  isComputed,
  composite,
  // A new weighting is a new composite: the values are computed again.
  compositeChanged: (app) => () => void app.refresh(),
  shownMeasure,
  setMeasure: (app) => (measure) => app.setMeasure(measure),
  smoothing: (app) => app.smoothing,
  setSmoothing: (app) => (on) => app.setSmoothing(on),
  tahun,
  years,
  setYear: (app) => (year) => app.setYear(year),
  compareYear: (app) => app.compareYear,
  setCompareYear: (app) => (year) => app.setCompareYear(year),
  isChange: (app) => app.isChange,
  scheme: (app) => app.scheme,
  setScheme: (app) => (scheme) => app.setScheme(scheme),
  manualBreaks: (app) => app.manualBreaks,
  setManualBreaks: (app) => (breaks) => app.setManualBreaks(breaks),
  classes: (app) => app.classes,
  setClasses: (app) => (classes) => app.setClasses(classes),
  basemap: (app) => app.basemap,
  setBasemap: (app) => (on) => app.setBasemap(on),
  lang,
  t,
};

/** The spatial analysis: its own state (the panel sets its settings there) and the region it runs on. */
export const ANALYSIS_PROPS: PropsFrom<ComponentProps<typeof AnalysisPanel>> = {
  analysis,
  kelurahan,
  selected,
  city,
  indicator,
  lang,
  t,
  select: (app) => (kode) => app.select(kode),
};

/** Pockets year by year; the rakor brief renders the app's own maps, so the app is handed to it as its BriefHost (what it reads and drives). */
export const POCKETS_PROPS: PropsFrom<ComponentProps<typeof PocketsPanel>> = {
  city,
  kelurahan,
  indikator,
  indicator,
  shownMeasure,
  years,
  tahun,
  isComposite,
  isComputed,
  analysis,
  workspace: (app) => app.workspace,
  lang,
  t,
  brief: (app) => async (pockets) => {
    // The PDF library and the brief's code load only when someone asks for a brief.
    const { writeBrief } = await import('./brief-export.svelte');
    return writeBrief(app, pockets);
  },
};

/** The profile of the selected kelurahan (it closes through the app, which also clears the URL's choice). */
export const PROFILE_PROPS: PropsFrom<ComponentProps<typeof KelurahanPanel>> = {
  selected,
  kelurahanByKode: (app) => app.kelurahanByKode,
  kelurahan,
  profile: (app) => app.profile,
  profileFailed: (app) => app.profileFailed,
  trend: (app) => app.trend,
  regionIndicators,
  indikator,
  indicator,
  shownMeasure,
  tahun,
  compareYear: (app) => app.compareYear,
  isChange: (app) => app.isChange,
  isComposite,
  composite,
  values: (app) => app.values,
  analysis,
  city,
  lang,
  t,
  closeProfile: (app) => () => app.closeProfile(),
};

/** The base map: what it draws and frames, and what a gesture on it does in the app. */
export const MAP_VIEW_PROPS: PropsFrom<Omit<ComponentProps<typeof MapView>, 'tools' | 'legendCorner' | 'top' | 'children'>> = {
  lang,
  t,
  city,
  indicator,
  tahun,
  kelurahan,
  kecamatan: (app) => app.kecamatan,
  values: (app) => app.values,
  valuesKey: (app) => app.valuesKey,
  wantedKey: (app) => app.wantedKey,
  classification: (app) => app.classification,
  colors: (app) => app.colors,
  categories: (app) => app.categories,
  analysis,
  program: (app) => app.program,
  selected,
  hoverKode: (app) => app.hoverKode,
  camera: (app) => app.camera,
  focus: (app) => app.focus,
  basemap: (app) => app.basemap,
  presenting: (app) => app.views.presenting,
  slide: (app) => app.views.slide,
  // Only the user's own moves become the view in the URL (the map calls this on theirs alone).
  moved: (app) => (camera) => (app.camera = camera),
  hovered: (app) => (hover) => (app.hover = hover),
  select: (app) => (kode) => app.select(kode),
  // Exports render through the map view's port while it is mounted.
  lendPort: (app) => (port) => (app.mapPort = port),
  basemapUnavailable: (app) => () => app.reportBasemapUnavailable(),
};
