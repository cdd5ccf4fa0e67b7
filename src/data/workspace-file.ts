/**
 * The workspace as one file (gzipped JSON): regions, datasets with their mappings and choices,
 * so another machine opening it shows the same map. Versioned; a file from a newer version or
 * not from this app is refused with a message, and nothing is replaced.
 */
import { gunzip, gzip, type StoredDataset, type StoredRegion } from './store';
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
export async function writeWorkspaceFile(content: { datasets: StoredDataset[]; regions: StoredRegion[] }, created = new Date()): Promise<Uint8Array> {
  const file: WorkspaceFile = {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    created: created.toISOString(),
    regions: content.regions,
    datasets: content.datasets.map((d) => ({ ...d, payload: d.payload ? toBase64(d.payload) : null })),
  };
  return gzip(new TextEncoder().encode(JSON.stringify(file)));
}

/** Reads and checks a workspace file; throws ImportError (workspace.file*) if it is not one. */
export async function readWorkspaceFile(bytes: Uint8Array, name: string): Promise<{ datasets: StoredDataset[]; regions: StoredRegion[]; created: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(await gunzip(bytes)));
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
  for (const region of file.regions) {
    if (typeof region?.kode !== 'string' || region.areas?.type !== 'FeatureCollection') throw new ImportError('workspace.fileInvalid', { file: name });
  }
  const datasets = file.datasets.map((d) => {
    if (typeof d?.id !== 'string' || typeof d.kind !== 'string' || typeof d.regionKode !== 'string') throw new ImportError('workspace.fileInvalid', { file: name });
    return { ...d, payload: d.payload ? fromBase64(d.payload) : null } as StoredDataset;
  });
  return { datasets, regions: file.regions, created: String(file.created ?? '') };
}
