/**
 * The workspace as one file (gzipped JSON): regions, datasets with their mappings and choices,
 * so another machine opening it shows the same map. Versioned; a file from a newer version or
 * not from this app is refused with a message, and nothing is replaced.
 */
import { gunzip, gzip, type StoredArea, type StoredDataset, type StoredRegion, type StoredView } from './store';
import { ImportError } from './importers/types';

export const WORKSPACE_FORMAT = 'peta-kantong-kemiskinan/ruang-kerja';
export const WORKSPACE_VERSION = 1;

interface FileDataset extends Omit<StoredDataset, 'payload'> {
  payload: string | null;
}

interface WorkspaceFile {
  format: string;
  version: number;
  created: string;
  regions: StoredRegion[];
  datasets: FileDataset[];
  /** Focus areas and saved views (absent in files written before they existed). */
  areas?: StoredArea[];
  views?: StoredView[];
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Writes the workspace file. Datasets must already be reduced to what may leave the browser. */
export async function writeWorkspaceFile(
  content: { datasets: StoredDataset[]; regions: StoredRegion[]; areas?: StoredArea[]; views?: StoredView[] },
  created = new Date(),
): Promise<Uint8Array> {
  const file: WorkspaceFile = {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    created: created.toISOString(),
    regions: content.regions,
    datasets: content.datasets.map((d) => ({ ...d, payload: d.payload ? toBase64(d.payload) : null })),
    areas: content.areas ?? [],
    views: content.views ?? [],
  };
  return gzip(new TextEncoder().encode(JSON.stringify(file)));
}

/**
 * Largest inflated workspace read: its JSON becomes one string, and V8 refuses strings beyond
 * about 512 MB anyway; stopping there keeps a gzip bomb from filling the tab's memory first.
 */
export const MAX_WORKSPACE_BYTES = 512 * 1024 * 1024;

/**
 * Reads and checks a workspace file; throws ImportError (workspace.file*) if it is not one.
 * `maxBytes` (default {@link MAX_WORKSPACE_BYTES}) bounds the inflated size.
 */
export async function readWorkspaceFile(
  bytes: Uint8Array,
  name: string,
  maxBytes = MAX_WORKSPACE_BYTES,
): Promise<{ datasets: StoredDataset[]; regions: StoredRegion[]; areas: StoredArea[]; views: StoredView[]; created: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(await gunzip(bytes, maxBytes)));
  } catch (error) {
    throw new ImportError('workspace.fileInvalid', { file: name }, { cause: error });
  }
  const file = parsed as Partial<WorkspaceFile> | null;
  if (!file || file.format !== WORKSPACE_FORMAT || !Array.isArray(file.regions) || !Array.isArray(file.datasets)) {
    throw new ImportError('workspace.fileInvalid', { file: name });
  }
  if (typeof file.version !== 'number' || file.version > WORKSPACE_VERSION) {
    throw new ImportError('workspace.fileVersion', { file: name, version: String(file.version) });
  }
  const invalid = (cause?: unknown) => new ImportError('workspace.fileInvalid', { file: name }, { cause });
  for (const region of file.regions) {
    if (typeof region?.kode !== 'string' || region.areas?.type !== 'FeatureCollection' || !Array.isArray(region.areas.features)) throw invalid();
    if (!region.region || typeof region.region !== 'object') throw invalid();
  }
  const datasets = file.datasets.map((d) => {
    if (typeof d?.id !== 'string' || typeof d.kind !== 'string' || typeof d.regionKode !== 'string') throw invalid();
    // The store sorts by `created` and the lists show `name`: a file without them would break
    // the workspace only after it was stored.
    if (typeof d.name !== 'string' || typeof d.file !== 'string' || typeof d.created !== 'string') throw invalid();
    if (d.payload !== null && d.payload !== undefined && typeof d.payload !== 'string') throw invalid();
    let payload: Uint8Array | null = null;
    try {
      if (d.payload) payload = fromBase64(d.payload);
    } catch (error) {
      throw invalid(error); // atob's InvalidCharacterError
    }
    return { ...d, payload } as StoredDataset;
  });
  const areas = file.areas ?? [];
  if (!Array.isArray(areas) || areas.some((a) => typeof a?.id !== 'string' || typeof a.kota !== 'string' || (a.geometry?.type !== 'Polygon' && a.geometry?.type !== 'MultiPolygon'))) {
    throw invalid();
  }
  const views = file.views ?? [];
  if (!Array.isArray(views) || views.some((v) => typeof v?.id !== 'string' || typeof v.title !== 'string' || typeof v.params?.kota !== 'string')) throw invalid();
  return { datasets, regions: file.regions, areas, views, created: String(file.created ?? '') };
}
