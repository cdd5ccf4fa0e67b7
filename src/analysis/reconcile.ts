/**
 * Two household registers side by side (issue 19): which households both hold, which only one
 * holds, which each records in a different kelurahan (moved or mis-coded), which heads appear
 * twice in one register, and how far the two desil assessments are apart. Pure: it sees only
 * salted hashes (computed in the database worker, src/data/reconcile-sql.ts) and the row numbers
 * of the user's files, so the same counts come out of the app, the worker and the CLI.
 *
 * Counts here are true counts; suppression of small counts happens where they are shown.
 */

/** One household row of a register, reduced to what reconciling needs. */
export interface RegisterRow {
  /** The row's number in the user's file (spreadsheet numbering: the header is row 1). */
  row: number;
  /** The kelurahan code (Kemendagri, dotted). */
  kode: string;
  /** Salted hash of the matching key: the household id, or the head's NIK with the kelurahan. */
  key: string;
  /** Salted hash of the head's NIK; null when the register has no NIK column or the cell is empty. */
  nik: string | null;
  /** Desil 1-10; null when unknown. */
  desil: number | null;
}

/** The counts of one kelurahan (or of the region). */
export interface ReconcileCounts {
  kode: string;
  /** Households in both registers in this kelurahan (the region row: in both, wherever recorded). */
  both: number;
  onlyA: number;
  onlyB: number;
  /** Households B records here and A in another kelurahan. */
  movedIn: number;
  /** Households A records here and B in another kelurahan. */
  movedOut: number;
  /** Rows of A here whose head's NIK an earlier row of A already has. */
  duplicatesA: number;
  duplicatesB: number;
  /** Households in both (counted at A's kelurahan) with the same desil in each, and differing by 2 or more. */
  desilSame: number;
  desilDiffers2plus: number;
  /** Households in both with a desil in each (the denominator of the two above). */
  desilCompared: number;
}

/** The kinds of discrepancy a verification worklist lists. */
export type DiscrepancyKind = 'only_a' | 'only_b' | 'moved' | 'duplicate_a' | 'duplicate_b' | 'desil_differs_2plus';

/** One entry of the worklist: where to look, in the user's own files, and nothing about the person. */
export interface Discrepancy {
  /** The kelurahan the entry belongs to (A's for moves and desil). */
  kode: string;
  kind: DiscrepancyKind;
  /** Row in register A's file, or null. For duplicates within B, null. */
  rowA: number | null;
  rowB: number | null;
  /** For moves: B's kelurahan. For duplicates: the row number of the earlier row with the same NIK. */
  otherKode?: string;
  firstRow?: number;
}

export interface Reconciliation {
  /** One entry per kelurahan that either register mentions, sorted by code. */
  kelurahan: ReconcileCounts[];
  region: ReconcileCounts;
  /** Moved households per pair (A's kelurahan -> B's), sorted by code pair. */
  flows: { from: string; to: string; count: number }[];
  /** Region desil matrix: matrix[a - 1][b - 1] households with desil a in A and b in B. */
  desilMatrix: number[][];
  /** Per kelurahan (A's), the same matrix. */
  desilMatrixByKode: Map<string, number[][]>;
  discrepancies: Discrepancy[];
}

const DESIL_MAX = 10;

function zero(kode: string): ReconcileCounts {
  return { kode, both: 0, onlyA: 0, onlyB: 0, movedIn: 0, movedOut: 0, duplicatesA: 0, duplicatesB: 0, desilSame: 0, desilDiffers2plus: 0, desilCompared: 0 };
}

const emptyMatrix = (): number[][] => Array.from({ length: DESIL_MAX }, () => new Array<number>(DESIL_MAX).fill(0));
const validDesil = (d: number | null): d is number => d !== null && Number.isInteger(d) && d >= 1 && d <= DESIL_MAX;

/**
 * The first row of each key. Keys must be unique within a register (the caller refuses
 * colliding household ids before); with NIK+kelurahan keys a repeat is a duplicate, already
 * counted as such, and only its first row is matched.
 */
function firstByKey(rows: readonly RegisterRow[]): Map<string, RegisterRow> {
  const map = new Map<string, RegisterRow>();
  for (const r of rows) if (!map.has(r.key)) map.set(r.key, r);
  return map;
}

/**
 * Reconciles register A with register B.
 * @param a rows of A in file order
 * @param b rows of B in file order
 */
export function reconcile(a: readonly RegisterRow[], b: readonly RegisterRow[]): Reconciliation {
  const counts = new Map<string, ReconcileCounts>();
  const at = (kode: string) => {
    let c = counts.get(kode);
    if (!c) counts.set(kode, (c = zero(kode)));
    return c;
  };
  const discrepancies: Discrepancy[] = [];
  const flows = new Map<string, number>();
  const desilMatrix = emptyMatrix();
  const desilMatrixByKode = new Map<string, number[][]>();

  const duplicates = (rows: readonly RegisterRow[], field: 'duplicatesA' | 'duplicatesB', kind: DiscrepancyKind) => {
    const seen = new Map<string, number>();
    for (const r of rows) {
      at(r.kode);
      if (r.nik === null) continue;
      const first = seen.get(r.nik);
      if (first === undefined) {
        seen.set(r.nik, r.row);
        continue;
      }
      at(r.kode)[field]++;
      discrepancies.push({ kode: r.kode, kind, rowA: kind === 'duplicate_a' ? r.row : null, rowB: kind === 'duplicate_b' ? r.row : null, firstRow: first });
    }
  };
  duplicates(a, 'duplicatesA', 'duplicate_a');
  duplicates(b, 'duplicatesB', 'duplicate_b');

  const bByKey = firstByKey(b);
  const aByKey = firstByKey(a);
  const matchedB = new Set<RegisterRow>();
  for (const ra of aByKey.values()) {
    const rb = bByKey.get(ra.key);
    if (!rb) {
      at(ra.kode).onlyA++;
      discrepancies.push({ kode: ra.kode, kind: 'only_a', rowA: ra.row, rowB: null });
      continue;
    }
    matchedB.add(rb);
    if (rb.kode === ra.kode) at(ra.kode).both++;
    else {
      at(ra.kode).movedOut++;
      at(rb.kode).movedIn++;
      const pair = `${ra.kode}|${rb.kode}`;
      flows.set(pair, (flows.get(pair) ?? 0) + 1);
      discrepancies.push({ kode: ra.kode, kind: 'moved', rowA: ra.row, rowB: rb.row, otherKode: rb.kode });
    }
    if (validDesil(ra.desil) && validDesil(rb.desil)) {
      const c = at(ra.kode);
      c.desilCompared++;
      if (ra.desil === rb.desil) c.desilSame++;
      else if (Math.abs(ra.desil - rb.desil) >= 2) {
        c.desilDiffers2plus++;
        discrepancies.push({ kode: ra.kode, kind: 'desil_differs_2plus', rowA: ra.row, rowB: rb.row });
      }
      desilMatrix[ra.desil - 1][rb.desil - 1]++;
      let own = desilMatrixByKode.get(ra.kode);
      if (!own) desilMatrixByKode.set(ra.kode, (own = emptyMatrix()));
      own[ra.desil - 1][rb.desil - 1]++;
    }
  }
  for (const rb of bByKey.values()) {
    if (matchedB.has(rb)) continue;
    at(rb.kode).onlyB++;
    discrepancies.push({ kode: rb.kode, kind: 'only_b', rowA: null, rowB: rb.row });
  }

  const kelurahan = [...counts.values()].sort((x, y) => (x.kode < y.kode ? -1 : x.kode > y.kode ? 1 : 0));
  const region = zero('');
  for (const c of kelurahan) {
    for (const key of Object.keys(region) as (keyof ReconcileCounts)[]) {
      if (key !== 'kode') region[key] += c[key];
    }
  }
  // In the region a moved household is in both registers.
  region.both += region.movedOut;
  const flowList = [...flows.entries()]
    .map(([pair, count]) => {
      const [from, to] = pair.split('|');
      return { from, to, count };
    })
    .sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : x.to < y.to ? -1 : x.to > y.to ? 1 : 0));
  return { kelurahan, region, flows: flowList, desilMatrix, desilMatrixByKode, discrepancies };
}
