/**
 * The export-format registry (src/ui/export-formats.ts): one id, button text in both languages,
 * extension and MIME per format; the writers name their files as the buttons always did; and
 * every download of the app goes through `saveExport`, so no export keeps its own MIME type.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messages } from '../../../src/i18n';
import { EXPORT_FORMATS, fileName, MAP_EXPORTS, saveExport } from '../../../src/ui/export-formats';

const root = join(import.meta.dirname, '../../..');
const formats = Object.values(EXPORT_FORMATS);
const MIME: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  png: 'image/png',
  gal: 'text/plain',
  pkk: 'application/gzip',
};

/** A stand-in for the page's download link: what saveExport named and typed. */
function captureDownloads(): { name: string; type: string; text: () => Promise<string> }[] {
  const saved: { name: string; type: string; text: () => Promise<string> }[] = [];
  let blob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:test'));
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.stubGlobal('document', {
    createElement: () => {
      const link = {
        href: '',
        download: '',
        click: () => saved.push({ name: link.download, type: blob!.type, text: async () => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob!.arrayBuffer()) }),
      };
      return link;
    },
  });
  return saved;
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('the export-format registry', () => {
  it('gives each format one id, a button text in both languages and the MIME type of its extension', () => {
    expect(new Set(formats.map((f) => f.id)).size).toBe(formats.length);
    for (const f of formats) {
      expect(messages.id[f.labelKey], f.id).toBeTruthy();
      expect(messages.en[f.labelKey], f.id).toBeTruthy();
      expect(f.extension).toMatch(/^[a-z0-9]+$/);
      expect(f.mime, f.id).toBe(MIME[f.extension]);
    }
    expect(MAP_EXPORTS.map((f) => f.id)).toEqual(['pdf', 'png-print', 'png-screen']);
  });

  it("saves a CSV as UTF-8 under the name the writer gave, with the format's extension", async () => {
    const saved = captureDownloads();
    expect(await saveExport(EXPORT_FORMATS.joinReportCsv, { csv: '\ufeffkey;kode\r\n', fileName: 'data.kelurahan.xlsx' })).toBe(true);
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe('laporan-pencocokan-data.kelurahan.csv');
    expect(saved[0].type).toBe('text/csv;charset=utf-8');
    expect(await saved[0].text()).toBe('\ufeffkey;kode\r\n');
  });

  it('writes nothing when there is nothing to write (no weights yet)', async () => {
    const saved = captureDownloads();
    expect(await saveExport(EXPORT_FORMATS.weightsGal, { text: null, rule: 'queen', citySlug: 'surakarta' })).toBe(false);
    expect(await saveExport(EXPORT_FORMATS.weightsGal, { text: '0 2\n', rule: 'queen', citySlug: 'surakarta' })).toBe(true);
    expect(saved.map((s) => [s.name, s.type])).toEqual([['bobot-queen-surakarta.gal', 'text/plain;charset=utf-8']]);
  });

  it('names an area summary as before and adds an extension only when missing', () => {
    const area = { nama: 'Kawasan Kumuh / Bantaran', bufferMetres: 0, areaKm2: 1, shares: [], totals: [], names: new Map(), synthetic: false };
    const file = EXPORT_FORMATS.areaCsv.write({ area, lang: 'id', year: 2024 });
    expect(file.name).toBe('kawasan-Kawasan-Kumuh-Bantaran-2024');
    expect(fileName('ruang-kerja.pkk', 'pkk')).toBe('ruang-kerja.pkk');
    expect(fileName('sasaran-rtlh-surakarta-2024', 'xlsx')).toBe('sasaran-rtlh-surakarta-2024.xlsx');
  });
});

/**
 * Every download goes through the registry. Files other helpers added this session that still
 * save on their own are listed by name until they are converted; a new one fails here.
 */
describe('no export outside the registry', () => {
  const notYetConverted = new Set(['src/ui/ReconcilePanel.svelte', 'src/ui/PocketsPanel.svelte']);

  function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  }

  it('finds no download or export MIME type elsewhere in the layers that show things (ui, state, map)', () => {
    const offences: string[] = [];
    for (const path of ['src/ui', 'src/state', 'src/map'].flatMap((d) => walk(join(root, d))).filter((p) => /\.(ts|svelte)$/.test(p))) {
      const file = relative(root, path);
      if (file === 'src/ui/export-formats.ts' || file === 'src/ui/download.ts' || notYetConverted.has(file)) continue;
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\bdownload(Bytes|Text)\(|\.download = |'(text\/csv|application\/pdf|application\/gzip)'/.test(line)) offences.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offences).toEqual([]);
  });
});
