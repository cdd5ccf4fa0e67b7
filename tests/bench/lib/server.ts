/**
 * A small static file server for the benchmark. Our own rather than `vite preview` because the
 * bench needs three things a preview server does not give: several folders under one origin
 * (the app, the bench pages, the national file), a log of every request with the bytes actually
 * sent (measure 3 counts range-read bytes server-side), and a stated, fixed caching and
 * compression policy so cold and warm visits mean the same thing on every machine.
 *
 * Policy, chosen to match an ordinary well-configured static host:
 * - `Accept-Ranges: bytes`; one `bytes=a-b`, `a-` or `-n` range gives 206 (FlatGeobuf bbox reads).
 * - Text and WASM are sent gzip -9 compressed when the browser accepts gzip and no range is
 *   asked (as nginx `gzip_static` with precompressed files would). FlatGeobuf and fonts are sent
 *   as they are, as are the generated files under `/cache/`.
 * - Hashed build assets (`/assets/`) are `immutable` for a year; everything else is `no-cache`
 *   with an ETag, so a warm visit revalidates it (304) instead of downloading it again.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipFile, prewarmGzip } from './gzip';

/** One folder served under a URL prefix. */
export interface Mount {
  /** URL prefix, with leading and trailing slash, e.g. `/app/`. */
  prefix: string;
  dir: string;
  /** Whether text and WASM under this mount may be sent gzip-compressed. */
  compress: boolean;
}

/** What the server did for one request. */
export interface RequestRecord {
  path: string;
  status: number;
  /** Body bytes written to the socket (compressed bytes when gzipped). */
  bytes: number;
  gzip: boolean;
  range: string | null;
  /** `performance.now()` of the Node process when the request arrived and when it ended. */
  start: number;
  end: number;
}

export interface BenchServer {
  origin: string;
  /** Every request since the last `resetLog()`. */
  log: RequestRecord[];
  resetLog(): void;
  /** Maps a URL path to the file it serves, or null. */
  fileFor(path: string): string | null;
  /** Compresses every compressible file of the compressing mounts before anything is timed. */
  prewarm(): Promise<void>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.fgb': 'application/octet-stream',
  '.pbf': 'application/x-protobuf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/** Extensions sent compressed when the mount allows it. */
export const COMPRESSIBLE: ReadonlySet<string> = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.csv', '.wasm', '.svg', '.pbf']);

/** Starts the server on a free port of 127.0.0.1. */
export async function startServer(mounts: Mount[]): Promise<BenchServer> {
  const log: RequestRecord[] = [];
  // Longest prefix first, so `/app/` wins over `/`.
  const sorted = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length);

  function locate(path: string): { file: string; mount: Mount } | null {
    const mount = sorted.find((m) => path.startsWith(m.prefix));
    if (!mount) return null;
    let rel = decodeURIComponent(path.slice(mount.prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const root = resolve(mount.dir);
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) return null; // no escaping the folder
    return { file, mount };
  }

  const server = createServer((req, res) => {
    handle(req, res, locate, log).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    log,
    resetLog: () => void log.splice(0),
    fileFor: (path) => locate(path)?.file ?? null,
    prewarm: async () => void (await Promise.all(mounts.filter((m) => m.compress).map((m) => prewarmGzip(m.dir, COMPRESSIBLE)))),
    close: () => closeServer(server),
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

type Locate = (path: string) => { file: string; mount: Mount } | null;

async function handle(req: IncomingMessage, res: ServerResponse, locate: Locate, log: RequestRecord[]): Promise<void> {
  const start = performance.now();
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const record: RequestRecord = { path, status: 0, bytes: 0, gzip: false, range: null, start, end: start };
  log.push(record);
  const finish = (status: number) => {
    record.status = status;
    record.end = performance.now();
  };
  res.on('finish', () => (record.end = performance.now()));

  const found = locate(path);
  let stats: Stats | undefined;
  try {
    stats = found ? statSync(found.file) : undefined;
  } catch {
    stats = undefined;
  }
  if (!found || !stats?.isFile() || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.writeHead(404).end();
    return finish(404);
  }
  const ext = extname(found.file);
  const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Last-Modified': stats.mtime.toUTCString(),
    'Cache-Control': path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    Vary: 'Accept-Encoding',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return finish(304);
  }

  const rangeHeader = req.headers.range ?? null;
  record.range = rangeHeader;
  if (rangeHeader) {
    const range = parseRange(rangeHeader, stats.size);
    if (!range) {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${stats.size}` }).end();
      return finish(416);
    }
    const length = range.end - range.start + 1;
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${stats.size}`, 'Content-Length': String(length) });
    if (req.method === 'HEAD') return (void res.end(), finish(206));
    record.bytes = length;
    await pipeFile(found.file, res, range.start, range.end);
    return finish(206);
  }

  const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (found.mount.compress && acceptsGzip && COMPRESSIBLE.has(ext)) {
    const body = await gzipFile(found.file);
    res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': String(body.byteLength) });
    if (req.method === 'HEAD') return (void res.end(), finish(200));
    record.gzip = true;
    record.bytes = body.byteLength;
    res.end(body);
    return finish(200);
  }
  res.writeHead(200, { ...headers, 'Content-Length': String(stats.size) });
  if (req.method === 'HEAD') return (void res.end(), finish(200));
  record.bytes = stats.size;
  await pipeFile(found.file, res, 0, stats.size - 1);
  finish(200);
}

/** Parses a single-range `Range` header; null when it is unsatisfiable or not one range. */
export function parseRange(header: string, size: number): { start: number; end: number } | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    // Suffix range: the last n bytes.
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : null;
}

function pipeFile(file: string, res: ServerResponse, start: number, end: number): Promise<void> {
  if (end < start) return new Promise((done) => res.end(done));
  return new Promise((done, fail) => {
    const stream = createReadStream(file, { start, end });
    stream.on('error', fail);
    // A client that aborts (e.g. the browser closing) ends the response early; not an error here.
    res.on('close', () => {
      stream.destroy();
      done();
    });
    stream.pipe(res);
  });
}
