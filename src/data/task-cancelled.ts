/**
 * The error a cancelled read or computation ends with. It lives in src/data because the file
 * readers raise it themselves when their signal aborts; the worker client (src/workers)
 * raises the same class, so callers test for one thing.
 */

/** Raised when a task was cancelled (by the caller or by a newer request of the same name). */
export class TaskCancelled extends Error {
  constructor() {
    super('Task cancelled');
    this.name = 'TaskCancelled';
  }
}
