/**
 * A tiny static server for one file, for the national reader's tests: with `ranges` it answers a
 * single `Range: bytes=a-b` with 206 as any static host does; without, it ignores Range and sends
 * the whole file with 200 (the server the reader must stop reading from). It counts the body
 * bytes it actually handed to the socket, so a test can check what a read cost.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FileServer {
  url: string;
  /** Body bytes written so far, over all requests. */
  bytesSent(): number;
  requests: { range: string | null; status: number }[];
  close(): Promise<void>;
}

export async function serveFile(path: string, { ranges }: { ranges: boolean }): Promise<FileServer> {
  const size = statSync(path).size;
  let sent = 0;
  const requests: FileServer['requests'] = [];
  const server = createServer((req, res) => {
    const header = req.headers.range ?? null;
    const match = ranges && header ? /^bytes=(\d+)-(\d*)$/.exec(header) : null;
    let start = 0;
    let end = size - 1;
    if (match) {
      start = Number(match[1]);
      end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
      if (start > end) {
        requests.push({ range: header, status: 416 });
        res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
        return;
      }
      res.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(end - start + 1), 'Accept-Ranges': 'bytes' });
    } else {
      res.writeHead(200, { 'Content-Length': String(size) });
    }
    requests.push({ range: header, status: res.statusCode });
    const stream = createReadStream(path, { start, end, highWaterMark: 16 * 1024 });
    // Count what was written to the socket, not what was read from disk.
    stream.on('data', (chunk) => {
      if (!res.write(chunk)) stream.pause();
      sent += chunk.length;
    });
    res.on('drain', () => stream.resume());
    stream.on('end', () => res.end());
    res.on('close', () => stream.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/desa-kelurahan-indonesia.fgb`,
    bytesSent: () => sent,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
