/**
 * The import-format registry (src/data/importers/formats.ts): every extension belongs to one
 * format, the first bytes of the real sample files pick their own format (also renamed), the
 * readers dispatch by it, and no other source file keeps its own list of import extensions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acceptOf, acceptOfKind, extensionOf, formatOfName, IMPORT_FORMATS, isGeoFileName, sniffFormat } from '../../../../src/data/importers/formats';
import { readGeoFile } from '../../../../src/data/importers/read-geo';
import { readTable } from '../../../../src/data/importers/read-table';

const root = join(import.meta.dirname, '../../../..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Import inputs among the fixtures: real public files, the importer fixtures, the demo data and the built boundaries (not the reference JSON). */
const samples = [
  ...walk(join(root, 'tests/fixtures/real')),
  ...walk(join(root, 'tests/fixtures/import')),
  ...walk(join(root, 'data')),
  ...walk(join(root, 'public/boundaries')),
].filter((p) => /\.(csv|tsv|xlsx|parquet|geojson|zip|fgb)$/.test(p) && !/truncated/.test(p));

const head = (path: string) => new Uint8Array(readFileSync(path)).subarray(0, 4 << 20);

describe('the import-format registry', () => {
  it('gives every extension and id to one format only', () => {
    const extensions = IMPORT_FORMATS.flatMap((f) => f.extensions);
    expect(new Set(extensions).size).toBe(extensions.length);
    expect(new Set(IMPORT_FORMATS.map((f) => f.id)).size).toBe(IMPORT_FORMATS.length);
    for (const e of extensions) expect(e).toMatch(/^[a-z0-9]+$/);
  });

  it('tells each real sample file by its first bytes, with its own name and renamed', () => {
    const kinds = new Set<string>();
    expect(samples.length).toBeGreaterThan(30);
    for (const path of samples) {
      const claimed = formatOfName(path)!;
      const bytes = head(path);
      const name = relative(root, path);
      kinds.add(claimed.id);
      if (claimed.sniff) {
        expect(sniffFormat(bytes, path)?.id, name).toBe(claimed.id);
        // Renamed to something that claims nothing, or another format: the bytes still decide.
        expect(sniffFormat(bytes, 'berkas')?.id, name).toBe(claimed.id);
        expect(sniffFormat(bytes, claimed.kind === 'table' ? 'berkas.csv' : 'berkas.geojson')?.id, name).toBe(claimed.id);
      } else {
        // Text tables carry no signature: CSV is what is left.
        expect(sniffFormat(bytes, path), name).toBeUndefined();
      }
    }
    expect([...kinds].sort()).toEqual(IMPORT_FORMATS.map((f) => f.id).sort());
  });

  it('reads a FlatGeobuf or Parquet file by its bytes whatever its name says', async () => {
    const fgb = readFileSync(join(root, 'tests/fixtures/import/geo/surakarta.fgb'));
    const geo = await readGeoFile(new File([fgb], 'batas.json'));
    expect(geo.kind).toBe('areas');
    if (geo.kind === 'areas') expect(geo.boundaries.format).toBe('flatgeobuf');
    const parquet = readFileSync(join(root, 'tests/fixtures/import/tables/surakarta.parquet'));
    expect((await readTable(new File([parquet], 'tabel.csv'))).format).toBe('parquet');
  });

  it('names the formats in the refusal of an unknown type, from the registry', async () => {
    const error = await readTable(new File(['%PDF-1.7'], 'laporan.pdf')).catch((e: unknown) => e);
    expect(error).toMatchObject({ key: 'importTable.unsupported', params: { formats: 'CSV/TSV, Excel (.xlsx), Parquet' } });
  });

  it('builds the accept strings and the geo routing from the registry', () => {
    expect(acceptOf()).toBe('.csv,.tsv,.txt,.xlsx,.xlsm,.parquet,.geojson,.json,.zip,.fgb');
    expect(acceptOfKind('geo')).toBe('.geojson,.json,.zip,.fgb');
    expect(isGeoFileName('Batas.GeoJSON')).toBe(true);
    expect(isGeoFileName('data.xlsx')).toBe(false);
    expect(extensionOf('a.b.PARQUET')).toBe('parquet');
  });
});

/**
 * A list of import extensions anywhere else is a second registry that will drift: an `accept`
 * attribute written out, an array or Set of extensions, a regular expression alternating them,
 * or dispatch on an extension compared with a literal.
 */
describe('no import-format list outside the registry', () => {
  const EXT = '(?:csv|tsv|txt|xlsx|xlsm|parquet|geojson|json|zip|fgb)';
  const patterns = [
    new RegExp(`accept="[^"{]*\\.${EXT}`),
    // Three in a row: two are what a writer offers (a worklist as .csv or .xlsx), not a reader's list.
    new RegExp(`['"]\\.?${EXT}['"]\\s*,\\s*['"]\\.?${EXT}['"]\\s*,\\s*['"]\\.?${EXT}['"]`),
    new RegExp(`\\\\\\.\\((?:\\w+\\|)*${EXT}(?:\\|\\w+)*\\)`),
    new RegExp(`/\\\\\\.${EXT}\\$/`),
    new RegExp(`(?:extension|ext)\\s*[!=]==?\\s*['"]\\.?${EXT}['"]`),
  ];
  /** What the CLI writes (analysis results) and the built files the service worker caches: not what anything reads. */
  const allowed: Record<string, RegExp> = { 'src/cli/io.ts': /extension === '\.(csv|json|geojson)'/, 'src/sw/manifest.ts': /woff2\|csv\|json\|wasm/ };

  it('finds none in src/', () => {
    const offences: string[] = [];
    for (const path of walk(join(root, 'src')).filter((p) => /\.(ts|svelte)$/.test(p))) {
      const file = relative(root, path);
      if (file === 'src/data/importers/formats.ts') continue;
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (allowed[file]?.test(line)) return;
          if (patterns.some((p) => p.test(line))) offences.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offences).toEqual([]);
  });
});

/** A format is one entry: its reader is declared in it and loaded on first use, so the page's bundle never holds a parser. */
describe('readers in the registry', () => {
  it("every format's entry loads its own reader", async () => {
    for (const format of IMPORT_FORMATS) expect(typeof (await format.reader()), format.id).toBe('function');
  });

  it('imports no parser module statically (only types), so the page can read `accept` without one', () => {
    const text = readFileSync(join(root, 'src/data/importers/formats.ts'), 'utf8');
    const statics = [...text.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]);
    expect(statics).toEqual([]);
    expect(text.match(/import\('\.\/[\w-]+'\)/g)?.length).toBe(IMPORT_FORMATS.length);
  });
});
