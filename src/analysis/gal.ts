/**
 * GeoDa `.gal` files: binary neighbour lists as text.
 *
 * ```
 * 0 3 kelurahan_surakarta_3372 kode      header: 0, n, layer (data file) name, id variable
 * 33.72.01.1001 2                        id of an observation and its number of neighbours
 * 33.72.01.1002 33.72.01.1008            the neighbours' ids (an empty line when there are none)
 * ```
 *
 * GeoDa writes that header (a layer name with spaces in double quotes); spdep's
 * `write.nb.gal(oldstyle = FALSE)` writes the same, and its default old style a header of just
 * `n` with ids 1..n in record order. GeoDa's reader skips blank lines and lets islands be left
 * out; so does this one.
 */
import { weightsFromNeighbours, type Weights } from './weights';

/** Options of {@link toGal}. */
export interface ToGalOptions {
  /** Name of the id variable, written in the header (default 'kode'). */
  readonly idVariable?: string;
  /** Layer (data file) name written in the header (default 'unknown', as spdep). */
  readonly layerName?: string;
}

/** What can be wrong with a GAL file; `code` lets the interface say it in Bahasa Indonesia. */
export type GalErrorCode = 'empty' | 'header' | 'record' | 'count' | 'unknown-id' | 'duplicate-id' | 'self' | 'size' | 'bad-id';

/** A GAL file that cannot be read (or ids that cannot be written), with the line at fault. */
export class GalError extends Error {
  constructor(
    readonly code: GalErrorCode,
    message: string,
    /** 1-based line of the file, when the problem is in a line. */
    readonly line?: number,
  ) {
    super(line === undefined ? message : `GAL line ${line}: ${message}`);
    this.name = 'GalError';
  }
}

/**
 * GAL text of the neighbour structure of `weights` (values are not written: GAL is binary),
 * observation i written under `ids[i]`, neighbours in increasing index order, as GeoDa reads.
 * Throws a {@link GalError} when ids are not unique or contain whitespace (the format separates
 * ids with spaces).
 */
export function toGal(weights: Weights, ids: readonly (string | number)[], options: ToGalOptions = {}): string {
  if (ids.length !== weights.n) {
    throw new GalError('size', `${ids.length} ids given for ${weights.n} observations`);
  }
  const text = ids.map(String);
  const seen = new Set<string>();
  for (const id of text) {
    if (id === '' || /\s/.test(id)) throw new GalError('bad-id', `id "${id}" is empty or contains whitespace`);
    if (seen.has(id)) throw new GalError('duplicate-id', `id "${id}" appears more than once`);
    seen.add(id);
  }
  const layer = options.layerName ?? 'unknown';
  const idVariable = options.idVariable ?? 'kode';
  if (/\s/.test(idVariable) || idVariable === '') throw new GalError('header', `id variable "${idVariable}" must be one word`);
  const lines = [`0 ${weights.n} ${/\s/.test(layer) ? `"${layer}"` : layer} ${idVariable}`];
  for (let i = 0; i < weights.n; i++) {
    const start = weights.offsets[i];
    const end = weights.offsets[i + 1];
    lines.push(`${text[i]} ${end - start}`);
    const row: string[] = [];
    for (let k = start; k < end; k++) row.push(text[weights.indices[k]]);
    lines.push(row.join(' '));
  }
  return lines.join('\n') + '\n';
}

/** A GAL file read back. */
export interface GalContents {
  /** Binary weights; observation i is `ids[i]`. */
  readonly weights: Weights;
  /** Observation ids in order: `ids` as given, else the ids in the order the file lists them. */
  readonly ids: readonly string[];
  /** Layer name from the header, null in an old-style header. */
  readonly layerName: string | null;
  /** Id variable from the header, null in an old-style header. */
  readonly idVariable: string | null;
}

interface Header {
  n: number;
  layerName: string | null;
  idVariable: string | null;
}

/** Parse the header: `n`, or `0 n layer idvar` with the layer possibly in double quotes. */
function parseHeader(line: string | undefined): Header {
  if (line === undefined || line.trim() === '') throw new GalError('empty', 'the file is empty or its first line is blank', 1);
  const quoted = /^\s*(\S+)\s+(\S+)\s+"([^"]*)"\s*(\S*)\s*$/.exec(line);
  const parts = quoted ? [quoted[1], quoted[2], quoted[3], quoted[4]] : line.trim().split(/\s+/);
  const count = (s: string): number => (/^\d+$/.test(s) ? Number(s) : Number.NaN);
  if (parts.length === 1 && count(parts[0]) > 0) return { n: count(parts[0]), layerName: null, idVariable: null };
  if (parts.length >= 2 && parts.length <= 4 && count(parts[0]) === 0 && count(parts[1]) > 0) {
    return { n: count(parts[1]), layerName: parts[2] ?? null, idVariable: parts[3] || null };
  }
  throw new GalError('header', `expected "n" or "0 n layer idvariable" (a layer name with spaces in double quotes), found "${line.trim()}"`, 1);
}

interface GalRecord {
  id: string;
  neighbours: string[];
  /** Lines of the "id k" line and of the neighbour list (the same when there is no list). */
  idLine: number;
  listLine: number;
}

/**
 * Read a GAL file written by GeoDa, spdep (`write.nb.gal`, either style), libpysal or
 * {@link toGal}. With `ids` (the observations in the order the app holds them), the file's ids
 * are matched to them and observations the file leaves out are islands; without, the
 * observations are the file's records in order, and it must list all n. Neighbour lists need
 * not be symmetric (k-nearest-neighbour files are not). Throws a {@link GalError} naming the
 * line on any malformed or inconsistent content.
 */
export function fromGal(text: string, ids?: readonly (string | number)[]): GalContents {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = parseHeader(lines[0]);
  const records: GalRecord[] = [];
  let at = 1;
  const nextNonBlank = (): number => {
    while (at < lines.length && lines[at].trim() === '') at++;
    return at;
  };
  while (nextNonBlank() < lines.length) {
    const line = at + 1;
    const head = lines[at++].trim().split(/\s+/);
    if (head.length !== 2 || !/^\d+$/.test(head[1])) {
      throw new GalError('record', `expected "id number-of-neighbours", found "${head.join(' ')}"`, line);
    }
    const k = Number(head[1]);
    let neighbours: string[] = [];
    let listLine = line;
    if (k > 0) {
      if (nextNonBlank() >= lines.length) {
        throw new GalError('count', `observation ${head[0]} should have ${k} neighbours but the file ends`, line);
      }
      listLine = at + 1;
      neighbours = lines[at++].trim().split(/\s+/);
      if (neighbours.length !== k) {
        throw new GalError('count', `observation ${head[0]} should have ${k} neighbours, this line lists ${neighbours.length}`, listLine);
      }
    }
    records.push({ id: head[0], neighbours, idLine: line, listLine });
    if (records.length > header.n) {
      throw new GalError('size', `the header announces ${header.n} observations but more are listed`, line);
    }
  }
  const order = observationIds(header, records, ids);
  const position = new Map(order.map((id, i) => [id, i]));
  const lists: number[][] = order.map(() => []);
  const listed = new Set<number>();
  for (const r of records) {
    const i = position.get(r.id);
    if (i === undefined) throw new GalError('unknown-id', `observation id ${r.id} is not among the ids of the data`, r.idLine);
    if (listed.has(i)) throw new GalError('duplicate-id', `observation id ${r.id} is listed twice`, r.idLine);
    listed.add(i);
    const seen = new Set<number>();
    for (const id of r.neighbours) {
      const j = position.get(id);
      if (j === undefined) throw new GalError('unknown-id', `neighbour id ${id} of ${r.id} is not an observation id`, r.listLine);
      if (j === i) throw new GalError('self', `observation ${r.id} lists itself as its neighbour`, r.listLine);
      if (seen.has(j)) throw new GalError('duplicate-id', `neighbour id ${id} of ${r.id} is listed twice`, r.listLine);
      seen.add(j);
      lists[i].push(j);
    }
  }
  return { weights: weightsFromNeighbours(lists), ids: order, layerName: header.layerName, idVariable: header.idVariable };
}

/** The observation ids: those given, or the records' own when the file lists all n. */
function observationIds(header: Header, records: GalRecord[], ids?: readonly (string | number)[]): string[] {
  if (ids) {
    if (ids.length !== header.n) {
      throw new GalError('size', `the header announces ${header.n} observations but the data has ${ids.length}`, 1);
    }
    const text = ids.map(String);
    if (new Set(text).size !== text.length) throw new GalError('duplicate-id', 'the ids of the data are not unique');
    return text;
  }
  if (records.length !== header.n) {
    throw new GalError('size', `the header announces ${header.n} observations but ${records.length} are listed; pass the data's ids to read a file that leaves out islands`, 1);
  }
  const seen = new Set<string>();
  for (const r of records) {
    if (seen.has(r.id)) throw new GalError('duplicate-id', `observation id ${r.id} is listed twice`, r.idLine);
    seen.add(r.id);
  }
  return records.map((r) => r.id);
}
