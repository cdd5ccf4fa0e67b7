/**
 * What every feature state may ask of the app, in the small pieces they share: a notice for the
 * user and the database. Each feature state declares its own host interface beside it (see
 * `WorkspaceHost`) from these and the few fields it reads, so no feature state imports the
 * app's state (`app.svelte.ts`), which composes them: src/state has no import cycle and a
 * feature state can be built in a test from a plain object.
 */
import type { Database } from '../data/database';
import { ImportError } from '../data/importers/types';
import type { MessageKey } from '../i18n';

/** A message shown to the user until dismissed. */
export interface Notice {
  key: MessageKey;
  params: Record<string, string | number>;
}

/** Shows a notice. */
export interface NoticeHost {
  notify(key: MessageKey, params: Record<string, string | number>): void;
}

/** The workspace's database (DuckDB with the demo and imported data). */
export interface DatabaseHost {
  readonly workspace: { database(): Promise<Database> };
}

/** A failure as a notice: the user's message when there is one, else the technical detail. */
export function noticeOf(error: unknown, fallback: MessageKey): Notice {
  if (error instanceof ImportError) return { key: error.key, params: error.params };
  return { key: fallback, params: { detail: error instanceof Error ? error.message : String(error) } };
}
