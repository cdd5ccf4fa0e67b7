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
import { MARK_DATABASE, whenMarked } from './map/marks';

mount(App, { target: document.getElementById('app')! });

// Offline use and a fast second visit (src/sw). Only in builds: in `vite dev` a worker would
// serve stale modules. Registered once DuckDB has answered (the first map comes earlier, from the
// prebuilt first view, and DuckDB's 7.7 MB WASM is still downloading then), or after a minute
// without an answer (e.g. DuckDB failed, or the national map), so the precache never competes
// with the first visit's own downloads.
if (import.meta.env.PROD) void registerServiceWorker(whenMarked(MARK_DATABASE, 60_000));
