/** The build's list of prebuilt first views (scripts/vite-first-view.ts makes this module). */
declare module 'virtual:first-view' {
  const manifest: import('../data/first-view-file').FirstViewManifest;
  export default manifest;
}
