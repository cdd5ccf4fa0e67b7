/**
 * Runs named tasks in a dedicated worker so heavy analysis never blocks the map. One request at
 * a time per task name: a newer request of the same name aborts the older one. Cancelling
 * terminates the worker (a synchronous computation cannot be interrupted otherwise); the next
 * request starts a fresh one, and whatever the worker had cached is rebuilt on demand.
 */
import { TaskCancelled } from '../data/task-cancelled';

export { TaskCancelled };

export interface TaskMessage<Name extends string = string, Input = unknown> {
  id: number;
  task: Name;
  input: Input;
}

export type WorkerReply = { id: number; type: 'progress'; fraction: number } | { id: number; type: 'result'; output: unknown } | { id: number; type: 'error'; message: string };

interface Pending {
  task: string;
  resolve: (output: unknown) => void;
  reject: (error: unknown) => void;
  onProgress?: (fraction: number) => void;
}

/** A typed handle on a worker whose tasks are described by `Tasks` (name -> [input, output]). */
export class WorkerClient<Tasks extends Record<string, [unknown, unknown]>> {
  #worker: Worker | undefined;
  #nextId = 1;
  #pending = new Map<number, Pending>();

  constructor(private readonly create: () => Worker) {}

  /** Runs `task`; rejects with TaskCancelled if aborted or superseded, with Error if it failed. */
  run<Name extends keyof Tasks & string>(
    task: Name,
    input: Tasks[Name][0],
    options: { onProgress?: (fraction: number) => void; signal?: AbortSignal; transfer?: Transferable[] } = {},
  ): Promise<Tasks[Name][1]> {
    for (const [id, pending] of this.#pending) if (pending.task === task) this.#cancel(id);
    const id = this.#nextId++;
    const worker = this.#ensureWorker();
    return new Promise((resolve, reject) => {
      if (options.signal?.aborted) return reject(new TaskCancelled());
      this.#pending.set(id, { task, resolve: resolve as (o: unknown) => void, reject, onProgress: options.onProgress });
      options.signal?.addEventListener('abort', () => this.#cancel(id), { once: true });
      worker.postMessage({ id, task, input } satisfies TaskMessage, options.transfer ?? []);
    });
  }

  /** Stops the worker and rejects everything pending. */
  dispose(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    for (const pending of this.#pending.values()) pending.reject(new TaskCancelled());
    this.#pending.clear();
  }

  #cancel(id: number): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    // Other tasks in flight die with the worker too: reject them so callers can retry.
    this.dispose();
  }

  #ensureWorker(): Worker {
    if (this.#worker) return this.#worker;
    const worker = this.create();
    worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const pending = this.#pending.get(reply.id);
      if (!pending) return;
      if (reply.type === 'progress') return pending.onProgress?.(reply.fraction);
      this.#pending.delete(reply.id);
      if (reply.type === 'result') pending.resolve(reply.output);
      else pending.reject(new Error(reply.message));
    });
    worker.addEventListener('error', (event) => {
      const error = new Error(event.message || 'Analysis worker failed');
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
      this.#worker?.terminate();
      this.#worker = undefined;
    });
    this.#worker = worker;
    return worker;
  }
}

/**
 * The worker side: answers TaskMessages with the matching handler, posting progress, the
 * result (transferring typed-array buffers found at the top level of the output) or an error.
 */
export function serveTasks<Tasks extends Record<string, [unknown, unknown]>>(
  scope: { onmessage: ((event: MessageEvent) => void) | null; postMessage(message: unknown, transfer: Transferable[]): void },
  handlers: { [Name in keyof Tasks]: (input: Tasks[Name][0], progress: (fraction: number) => void) => Tasks[Name][1] | Promise<Tasks[Name][1]> },
): void {
  scope.onmessage = async (event: MessageEvent<TaskMessage<keyof Tasks & string>>) => {
    const { id, task, input } = event.data;
    const post = (reply: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
    try {
      const handler = handlers[task];
      if (!handler) throw new Error(`Unknown task ${task}`);
      const output = await handler(input as Tasks[typeof task][0], (fraction) => post({ id, type: 'progress', fraction }));
      post({ id, type: 'result', output }, transferablesOf(output));
    } catch (error) {
      post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
}

function transferablesOf(output: unknown): Transferable[] {
  if (!output || typeof output !== 'object') return [];
  const buffers = new Set<ArrayBuffer>();
  for (const value of Object.values(output)) {
    if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
  }
  return [...buffers];
}
