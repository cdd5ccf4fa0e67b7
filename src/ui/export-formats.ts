/**
 * The export-format registry: every file the app writes for the user, each declared once with
 * its id, the message key of its button, its extension and MIME type, what it needs (the type
 * of its input) and the function that writes it. The export panel and the export buttons of
 * the table, the areas, analysis, join report, targeting and data panels save through
 * `saveExport`, so a new export is one entry here (or its writer module and one entry), its
 * messages, its tests and the button that offers it.
 *
 * It lives in src/ui because the writers read what the panels show (the app state, the map
 * port); src/export keeps the pure page layout the map writers use.
 */
import type { Lang } from '../data/catalog';
import type { Orientation, PageSize } from '../export/map-layout';
import type { MessageKey } from '../i18n';
import type { MapImagePort } from '../map/export-image';
import type { AppState } from '../state/app.svelte';
import { areaCsv, type AreaCsvInput } from './areas-csv';
import { downloadBytes } from './download';
import { tableCsv } from './table-csv';
import { targetingExport, type TargetingExportSource } from './targeting-export';
import type { NationalExportInput } from './export-national';

/** What a writer returns: the file's name (its extension is the format's) and its content. */
export interface ExportFile {
  name: string;
  content: string | Uint8Array;
}

export interface ExportFormat<Input> {
  id: string;
  /** The text of the button that offers it. */
  labelKey: MessageKey;
  extension: string;
  mime: string;
  /** Files of this format the app also opens, for a file input's `accept` (the workspace). */
  accept?: string;
  /** Writes the file; null when there is nothing to write (e.g. no weights yet). */
  write: (input: Input) => ExportFile | null | Promise<ExportFile | null>;
}

/** What the export panel's user chose: the paper, one page or an atlas, and a title of their own (null: the map's). */
export interface MapExportChoice {
  spec: { size: PageSize; orientation: Orientation };
  atlas: boolean;
  title: string | null;
}

/** The map on screen as a page: what the PDF and PNG writers need. */
export interface MapExportInput extends MapExportChoice {
  app: AppState;
  port: MapImagePort;
}

/** The map exports' common name: the city, indicator and year. */
const mapName = (app: AppState) => `peta-${app.city.slug}-${app.indikator.replace(/[^\w-]+/g, '-')}-${app.tahun}`;

// The PDF library and its font engine load only when someone exports.
const mapWriters = () => import('./export-map');

const mapPdf: ExportFormat<MapExportInput> = {
  id: 'pdf',
  labelKey: 'export.ui.pdf',
  extension: 'pdf',
  mime: 'application/pdf',
  write: async ({ app, port, spec, atlas, title }) => ({
    name: `${mapName(app)}${atlas ? '-atlas' : ''}`,
    content: await (await mapWriters()).exportPdf(app, port, spec, atlas, title),
  }),
};

const mapPng = (quality: 'print' | 'screen'): ExportFormat<MapExportInput> => ({
  id: `png-${quality}`,
  labelKey: quality === 'print' ? 'export.ui.pngPrint' : 'export.ui.pngScreen',
  extension: 'png',
  mime: 'image/png',
  write: async ({ app, port, spec, title }) => {
    const png = await (await mapWriters()).exportPng(app, port, spec, quality, title);
    return { name: `${mapName(app)}-${png.width}x${png.height}`, content: png.bytes };
  },
});

const CSV_MIME = 'text/csv';

// The national map's page is built by its own module, loaded with the PDF library on first use.
const nationalWriters = () => import('./export-national');

const nationalPdf: ExportFormat<NationalExportInput> = {
  id: 'national-pdf',
  labelKey: 'export.ui.pdf',
  extension: 'pdf',
  mime: 'application/pdf',
  write: async (input) => {
    const writers = await nationalWriters();
    return { name: writers.nationalExportName(input.national), content: await writers.nationalPdf(input) };
  },
};

const nationalPng = (quality: 'print' | 'screen'): ExportFormat<NationalExportInput> => ({
  id: `national-png-${quality}`,
  labelKey: quality === 'print' ? 'export.ui.pngPrint' : 'export.ui.pngScreen',
  extension: 'png',
  mime: 'image/png',
  write: async (input) => {
    const writers = await nationalWriters();
    const png = await writers.nationalPng(input, quality);
    return { name: `${writers.nationalExportName(input.national)}-${png.width}x${png.height}`, content: png.bytes };
  },
});

export const EXPORT_FORMATS = {
  /** The map as a PDF page, or an atlas of one page per kecamatan (the export panel). */
  mapPdf,
  /** The same page as a PNG at 300 dpi, or at screen resolution. */
  mapPngPrint: mapPng('print'),
  mapPngScreen: mapPng('screen'),
  /** The map of all of Indonesia as shown (classes or clusters), as a PDF page or a PNG. */
  nationalPdf,
  nationalPngPrint: nationalPng('print'),
  nationalPngScreen: nationalPng('screen'),
  /** The table view's rows (after its search) with notes: its arguments and the file's name. */
  tableCsv: {
    id: 'table-csv',
    labelKey: 'table.export',
    extension: 'csv',
    mime: CSV_MIME,
    write: (input: { rows: Parameters<typeof tableCsv>[0]; options: Parameters<typeof tableCsv>[1]; name: string }) => ({
      name: input.name,
      content: tableCsv(input.rows, input.options),
    }),
  },
  /** The active area's kelurahan shares and apportioned counts. */
  areaCsv: {
    id: 'area-csv',
    labelKey: 'table.export',
    extension: 'csv',
    mime: CSV_MIME,
    write: (input: { area: AreaCsvInput; lang: Lang; year: number }) => ({
      name: `kawasan-${input.area.nama.replace(/[^\w-]+/g, '-')}-${input.year}`,
      content: areaCsv(input.area, input.lang),
    }),
  },
  /** The spatial weights of the analysis as a GeoDa .gal file. */
  weightsGal: {
    id: 'weights-gal',
    labelKey: 'analysis.downloadGal',
    extension: 'gal',
    mime: 'text/plain',
    write: (input: { text: string | null; rule: string; citySlug: string }) => (input.text ? { name: `bobot-${input.rule}-${input.citySlug}`, content: input.text } : null),
  },
  /** The import dialog's join report, as the CLI's `join` writes it. */
  joinReportCsv: {
    id: 'join-report-csv',
    labelKey: 'join.ui.download',
    extension: 'csv',
    mime: CSV_MIME,
    write: (input: { csv: string; fileName: string | null }) => ({
      name: `laporan-pencocokan-${(input.fileName ?? 'data').replace(/\.[^.]+$/, '')}`,
      content: input.csv,
    }),
  },
  /** The RTLH targeting list with its parameters, as CSV or as an Excel workbook. */
  targetingCsv: {
    id: 'targeting-csv',
    labelKey: 'targeting.ui.exportCsv',
    extension: 'csv',
    mime: CSV_MIME,
    write: (source: TargetingExportSource) => {
      const file = targetingExport(source, 'csv');
      return { name: file.name, content: file.text! };
    },
  },
  targetingXlsx: {
    id: 'targeting-xlsx',
    labelKey: 'targeting.ui.exportXlsx',
    extension: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: (source: TargetingExportSource) => {
      const file = targetingExport(source, 'xlsx');
      return { name: file.name, content: file.bytes! };
    },
  },
  /** The whole workspace (imported datasets, saved views) as one gzip file, opened again by the data panel. */
  workspace: {
    id: 'workspace',
    labelKey: 'data.workspaceSave',
    extension: 'pkk',
    mime: 'application/gzip',
    accept: '.pkk,.gz',
    write: async (source: Pick<AppState, 'workspaceFile'>) => {
      const file = await source.workspaceFile();
      return file && { name: file.name, content: file.bytes };
    },
  },
} satisfies Record<string, ExportFormat<never>>;

/** The national panel's map exports, in its button order. */
export const NATIONAL_MAP_EXPORTS = [EXPORT_FORMATS.nationalPdf, EXPORT_FORMATS.nationalPngPrint, EXPORT_FORMATS.nationalPngScreen] as const;

/** The map exports the export panel offers, in its button order (the first is the primary one). */
export const MAP_EXPORTS = [EXPORT_FORMATS.mapPdf, EXPORT_FORMATS.mapPngPrint, EXPORT_FORMATS.mapPngScreen] as const;

/** `name` ending in `.extension` (a writer may have named it already). */
export function fileName(name: string, extension: string): string {
  return name.toLowerCase().endsWith(`.${extension}`) ? name : `${name}.${extension}`;
}

/** Writes the file of `format` and hands it to the browser as a download; false when there was nothing to write. */
export async function saveExport<Input>(format: ExportFormat<Input>, input: Input): Promise<boolean> {
  const file = await format.write(input);
  if (!file) return false;
  const text = typeof file.content === 'string';
  downloadBytes(file.content as BlobPart, fileName(file.name, format.extension), text ? `${format.mime};charset=utf-8` : format.mime);
  return true;
}
