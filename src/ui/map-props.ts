/**
 * How the map tab's parts (controls, analysis, pockets), the kelurahan profile and the map view
 * read the app: the same pattern as the tabs in panels.ts, one reader per prop, so these
 * components take plain values, state objects and callbacks, never the app whole. App.svelte and
 * panels.ts hand them over through `liveProps`, which reads a prop only when the component does.
 */
import type { ComponentProps } from 'svelte';
import type { AppState } from '../state/app.svelte';
import type { PropsFrom } from './panels';
import type KelurahanPanel from './KelurahanPanel.svelte';

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
const isComposite = (app: AppState) => app.isComposite;
const composite = (app: AppState) => app.composite;

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
