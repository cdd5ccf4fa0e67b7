/**
 * Opening the ZIP a Shapefile arrives in, without letting a hostile or broken archive take the
 * tab down. Sizes declared in the ZIP's central directory are checked before anything is
 * inflated (fflate's `filter` sees them first), and fflate allocates exactly the declared size
 * for each entry, so an entry cannot inflate beyond what was checked.
 */
import { unzipSync } from 'fflate';
import { ImportError } from './types';

/** One entry of the archive as its central directory declares it. */
export interface ZipEntry {
  name: string;
  /** Compressed bytes. */
  size: number;
  /** Declared uncompressed bytes. */
  originalSize: number;
}

/**
 * Limits on what is inflated. A Shapefile of all 83,402 desa/kelurahan is about 400 MB, so 1 GB
 * leaves room; ordinary .shp and .dbf files compress 2-20 times (a .dbf of wide, mostly blank
 * text fields up to about 100), while deflate can reach 1032 on zeros, the stuff of ZIP bombs;
 * small entries are exempt from the ratio, since even a bomb needs size to hurt.
 */
export const ZIP_LIMITS = {
  totalBytes: 1024 * 1024 * 1024,
  maxRatio: 200,
  ratioExemptBytes: 16 * 1024 * 1024,
} as const;

const MB = 1024 * 1024;

/** The entries of a ZIP (nothing inflated). Throws ImportError('importGeo.zipBroken') if unreadable. */
export function listZip(bytes: Uint8Array, file: string): ZipEntry[] {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({ name: f.name, size: f.size, originalSize: f.originalSize });
        return false;
      },
    });
  } catch (error) {
    throw new ImportError('importGeo.zipBroken', { file }, { cause: error });
  }
  return entries;
}

/**
 * Inflates the named entries after checking their declared sizes against {@link ZIP_LIMITS}.
 * Throws ImportError for a bomb-like entry, too much in total, or a damaged archive.
 */
export function unzipEntries(bytes: Uint8Array, file: string, entries: readonly ZipEntry[]): Map<string, Uint8Array> {
  let total = 0;
  for (const e of entries) {
    total += e.originalSize;
    const ratio = e.originalSize / Math.max(1, e.size);
    if (e.originalSize > ZIP_LIMITS.ratioExemptBytes && ratio > ZIP_LIMITS.maxRatio) {
      throw new ImportError('importGeo.zipRatio', { file, entry: e.name, ratio: Math.round(ratio) });
    }
  }
  if (total > ZIP_LIMITS.totalBytes) {
    throw new ImportError('importGeo.zipTooLarge', { file, size: Math.ceil(total / MB), limit: ZIP_LIMITS.totalBytes / MB });
  }
  const wanted = new Set(entries.map((e) => e.name));
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => wanted.has(f.name) });
  } catch (error) {
    throw new ImportError('importGeo.zipBroken', { file }, { cause: error });
  }
  return new Map(Object.entries(files));
}
