/**
 * Two household registers side by side in the app (issue 19): which file is register A and which
 * is B, what kind each is (DTSEN, P3KE, the city's own, other), and the reconciliation of the two
 * by the pipeline the CLI runs (src/data/reconcile.ts). A file is checked alone as soon as it is
 * chosen; a refused file leaves the register it was meant to replace, and the last result, as
 * they were. Ids and NIK are hashed with this session's salt inside DuckDB and never held here.
 * The app holds it (as it holds every feature state) and the data tab's panel is handed it: the
 * panel never sees the database, which only this state reaches, through src/data.
 */
import type { Database } from '../data/database';
import { demoRegisterFile } from '../data/demo-registers';
import { ImportError, type ImportedTable } from '../data/importers/types';
import { reconcileRegisters, type RegisterReconciliation } from '../data/reconcile';
import { dropRegister, loadRegister, readRegister, type RegisterSpec } from '../data/register-rows';
import { readTableInWorker } from '../workers/import-client';
import type { MessageKey } from '../i18n';
import type { DatabaseHost } from './host';

export type RegisterKind = 'dtsen' | 'p3ke' | 'kota' | 'lain';
export const REGISTER_KINDS: readonly RegisterKind[] = ['dtsen', 'p3ke', 'kota', 'lain'];
export type Slot = 'a' | 'b';

/** What the reconciliation needs of the app: its database and the region on the map. */
export interface ReconcileHost extends DatabaseHost {
  /** The region shown; its kab/kota code (e.g. 33.72) is where every register must lie. */
  readonly city: { readonly kode: string };
  /** How a file becomes a table (default: the import worker; a test passes the importer itself). */
  readonly readTable?: (file: File) => Promise<ImportedTable>;
}

interface LoadedRegister {
  spec: RegisterSpec;
  kind: RegisterKind;
}

let loads = 0;

export class ReconcileState {
  a = $state.raw<LoadedRegister | null>(null);
  b = $state.raw<LoadedRegister | null>(null);
  #result = $state.raw<RegisterReconciliation | null>(null);
  error = $state.raw<{ key: MessageKey; params: Record<string, string | number> } | null>(null);
  busy = $state(false);
  readonly #salt = crypto.randomUUID();

  constructor(private readonly host: ReconcileHost) {}

  /**
   * The reconciliation, while its region is the one on the map. The app keeps this state across a
   * switch of region, so after one the result is hidden (loading a register again makes a new
   * one): its counts are never shown, or put on the map, under the other region's kelurahan.
   */
  get result(): RegisterReconciliation | null {
    const result = this.#result;
    return result && result.regionCode.replace(/\D/g, '') === this.#region() ? result : null;
  }

  /** Reads `file` as register `slot` of `kind`, checks it alone, then reconciles when both are there. */
  async load(slot: Slot, file: File, kind: RegisterKind): Promise<void> {
    this.busy = true;
    this.error = null;
    const db = await this.host.workspace.database();
    const tableId = `rekon_${slot}_${++loads}`;
    let spec: RegisterSpec | null = null;
    try {
      spec = await loadRegister(db, await (this.host.readTable ?? readTableInWorker)(file), tableId);
      await readRegister(db, spec, this.#salt, this.#region());
      const previous = this[slot];
      this[slot] = { spec, kind };
      if (previous) await dropRegister(db, previous.spec.tableId);
      await this.#run(db);
    } catch (error) {
      if (spec) await dropRegister(db, spec.tableId);
      if (!(error instanceof ImportError)) throw error;
      this.error = { key: error.key, params: error.params };
    } finally {
      this.busy = false;
    }
  }

  /** The synthetic DTSEN-like and P3KE-like registers of Surakarta as A and B. */
  async loadDemo(): Promise<void> {
    const [a, b] = await Promise.all([demoRegisterFile('a'), demoRegisterFile('b')]);
    await this.load('a', a, 'dtsen');
    await this.load('b', b, 'p3ke');
  }

  /** Changes what kind of register a slot holds (only the words change). */
  setKind(slot: Slot, kind: RegisterKind): void {
    const loaded = this[slot];
    if (loaded) this[slot] = { ...loaded, kind };
  }

  async #run(db: Database): Promise<void> {
    if (!this.a || !this.b) return;
    this.#result = await reconcileRegisters(db, this.a.spec, this.b.spec, { salt: this.#salt, region: this.#region() });
  }

  #region(): string {
    return this.host.city.kode.replace(/\D/g, '');
  }
}
