/**
 * Inside a worker_threads thread (started by local-threads.ts through local-thread.mjs): runs each
 * LocalInput it is sent with runLocal, posting progress and then the output, its typed arrays
 * transferred rather than copied.
 */
import { parentPort } from 'node:worker_threads';
import { runLocal, type LocalInput } from './analysis-tasks';

export type ThreadReply = { id: number; type: 'progress'; fraction: number } | { id: number; type: 'result'; output: unknown } | { id: number; type: 'error'; message: string };

parentPort!.on('message', ({ id, input }: { id: number; input: LocalInput }) => {
  const post = (reply: ThreadReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);
  try {
    const output = runLocal(input, (fraction) => post({ id, type: 'progress', fraction }));
    const buffers = new Set<ArrayBuffer>();
    for (const value of Object.values(output)) if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer) buffers.add(value.buffer);
    post({ id, type: 'result', output }, [...buffers]);
  } catch (error) {
    post({ id, type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});
