/**
 * The household files of `peta-kantong households`: paths and globs expanded, each file's first
 * and last bytes checked (src/data/household-file-check.ts) before DuckDB reads any of it, and
 * the lot turned into one source for the shared household SQL. A file that cannot be aggregated
 * (empty, not a table, cut off, of another kind than the rest) is refused here in milliseconds,
 * not after minutes of reading. A Windows-1252 file is read from a UTF-8 copy in the run's
 * scratch folder, as the browser reads it from one in memory: DuckDB's Latin-1 refuses the curly
 * quotes, euro sign and dashes of Windows-1252 (importers/windows-1252-utf8.ts). A file whose
 * head is UTF-8 is checked to its end first, as the browser checks it (one fast pass): a
 * Windows-1252 file may start with more ASCII than the head holds.
 */
import { createReadStream, createWriteStream, openAsBlob } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../data/database';
import { toRows } from '../data/database';
import { checkHouseholdTail, HEAD_BYTES, inspectHouseholdHead, TAIL_BYTES, type HouseholdFileFacts } from '../data/household-file-check';
import type { HouseholdSource } from '../data/household-read-sql';
import { cp1252ToUtf8 } from '../data/importers/text';
import { ImportError } from '../data/importers/types';
import { encodingToTheEnd } from '../data/importers/windows-1252-utf8';
import { sqlLiteral } from '../data/sql';
import { UsageError } from './io';

/** The files to read, checked, and how DuckDB reads them. */
export interface HouseholdFiles {
  source: HouseholdSource;
  /** Absolute paths, in the order read. */
  paths: string[];
  bytes: number;
}

const GLOB = /[*?[]/;

/** Reads `length` bytes at `position` (fewer at the end of the file). */
async function readBytes(path: string, position: number, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Paths of the `--data` values: plain paths must exist; globs are expanded by DuckDB's glob(). */
async function expand(db: Database, patterns: readonly string[]): Promise<string[]> {
  const paths: string[] = [];
  for (const pattern of patterns) {
    if (GLOB.test(pattern)) {
      const found = toRows(await db.query(`SELECT file FROM glob(${sqlLiteral(resolve(pattern))}) ORDER BY file`)).map((r) => String(r.file));
      if (found.length === 0) throw new ImportError('householdRead.noFiles', { pattern });
      paths.push(...found);
      continue;
    }
    const info = await stat(pattern).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(error.code === 'ENOENT' ? `${pattern}: file not found (berkas tidak ditemukan)` : `${pattern}: cannot read (${error.code ?? error.message})`);
    });
    if (!info.isFile()) throw new UsageError(`${pattern}: not a file (bukan berkas)`);
    paths.push(resolve(pattern));
  }
  return [...new Set(paths)];
}

/**
 * Checks one file's head and tail, and a UTF-8 file's encoding to its end unless one is forced;
 * returns how to read it.
 */
async function checkFile(path: string, forced: 'utf-8' | 'windows-1252' | undefined): Promise<{ facts: HouseholdFileFacts; size: number }> {
  const { size } = await stat(path);
  const name = basename(path);
  const head = await readBytes(path, 0, Math.min(size, HEAD_BYTES));
  const facts = inspectHouseholdHead(head, name, size);
  const tail = size <= HEAD_BYTES ? head : await readBytes(path, size - TAIL_BYTES, TAIL_BYTES);
  checkHouseholdTail(tail, name, facts);
  if (facts.format === 'csv') facts.encoding = forced ?? (facts.encoding === 'utf-8' && size > HEAD_BYTES ? await encodingToTheEnd(await openAsBlob(path), name) : facts.encoding);
  return { facts, size };
}

/** Writes the UTF-8 copy of a Windows-1252 file into `folder`, 8 MB at a time; returns its path. */
async function utf8Copy(path: string, folder: string, index: number): Promise<string> {
  const copy = join(folder, `utf8-${index}-${basename(path)}`);
  await pipeline(
    createReadStream(path, { highWaterMark: 8 * 1024 * 1024 }),
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) yield cp1252ToUtf8(chunk);
    },
    createWriteStream(copy),
  );
  return copy;
}

/**
 * Expands and checks the household files of one run.
 * @param encoding `windows-1252` to force it; detected per file otherwise
 * @param scratch the folder for the UTF-8 copies of Windows-1252 files (removed with the database)
 * @param onCopy called before each such copy is made, with the file's name
 * @throws ImportError (bilingual) or UsageError for a file that cannot be aggregated
 */
export async function householdFiles(
  db: Database,
  patterns: readonly string[],
  options: { delimiter?: string; encoding?: 'utf-8' | 'windows-1252'; scratch: string; onCopy?: (name: string) => void },
): Promise<HouseholdFiles> {
  const paths = await expand(db, patterns);
  const checked = await Promise.all(paths.map((path) => checkFile(path, options.encoding)));
  const formats = new Set(checked.map((c) => c.facts.format));
  if (formats.size > 1) throw new ImportError('householdRead.mixedFormats', { files: paths.map((p) => basename(p)).join(', ') });
  const first = checked[0].facts;
  const bytes = checked.reduce((sum, c) => sum + c.size, 0);
  if (first.format === 'parquet') return { source: { files: paths, format: 'parquet' }, paths, bytes };
  const delimiters = new Set(checked.map((c) => c.facts.delimiter));
  const delimiter = options.delimiter ?? first.delimiter;
  if (options.delimiter === undefined && delimiters.size > 1) {
    throw new UsageError(
      `the files use different delimiters (${[...delimiters].map((d) => JSON.stringify(d)).join(', ')}); give one with --delimiter (pemisah kolom berbeda antarberkas)`,
    );
  }
  // Each file in its own encoding, unless one is forced.
  const files: string[] = [];
  for (const [i, path] of paths.entries()) {
    const windows = checked[i].facts.encoding === 'windows-1252';
    if (windows) options.onCopy?.(basename(path));
    files.push(windows ? await utf8Copy(path, options.scratch, i) : path);
  }
  return { source: { files, format: 'csv', delimiter }, paths, bytes };
}
