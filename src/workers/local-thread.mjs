// A worker_threads thread of src/workers/local-threads.ts: plain JavaScript so Node can start it
// without a TypeScript loader, it registers tsx (as bin/peta-kantong.mjs does) and serves runLocal.
import { register } from 'tsx/esm/api';

register();
await import('./local-thread-serve.ts');
