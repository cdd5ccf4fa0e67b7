// Noto Sans is shipped with the app (no font server): Latin and Latin Extended cover Indonesian
// names; the map's label glyphs are drawn from the same font (map/glyphs.ts).
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-600.css';
import '@fontsource/noto-sans/latin-ext-600.css';
import '@fontsource/noto-sans/latin-700.css';
// Design tokens and the panels' shared form look, before any component's own (scoped) styles.
import './ui/styles/tokens.css';
import './ui/styles/forms.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { registerServiceWorker } from './sw/register';
import { MARK_CHOROPLETH, whenMarked } from './map/marks';

mount(App, { target: document.getElementById('app')! });

// Offline use and a fast second visit (src/sw). Only in builds: in `vite dev` a worker would
// serve stale modules. Registered once the first choropleth is drawn (the mark MapView sets),
// or after a minute without one (e.g. DuckDB failed), so caching never slows the first view.
if (import.meta.env.PROD) void registerServiceWorker(whenMarked(MARK_CHOROPLETH, 60_000));
