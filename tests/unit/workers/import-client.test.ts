/**
 * Errors crossing the import worker as text become ImportErrors again, for table and spatial
 * files alike, so the message is shown in the user's language (src/workers/import-client.ts).
 */
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/data/importers/types';
import { reviveImportError } from '../../../src/workers/import-client';
import { TaskCancelled } from '../../../src/workers/worker-client';

describe('reviveImportError', () => {
  it('revives a spatial file error with its key and parameters', () => {
    const original = new ImportError('importGeo.zipNoShapefile', { file: 'batas.zip' });
    const revived = reviveImportError(new Error(original.message));
    expect(revived).toBeInstanceOf(ImportError);
    expect((revived as ImportError).key).toBe('importGeo.zipNoShapefile');
    expect((revived as ImportError).params).toEqual({ file: 'batas.zip' });
  });

  it('revives a table error', () => {
    const revived = reviveImportError(new Error('importTable.empty {"file":"a.csv"}'));
    expect((revived as ImportError).key).toBe('importTable.empty');
  });

  it('leaves cancellations and other errors as they are', () => {
    const cancelled = new TaskCancelled();
    expect(reviveImportError(cancelled)).toBe(cancelled);
    const bug = new Error('x is undefined');
    expect(reviveImportError(bug)).toBe(bug);
  });
});
