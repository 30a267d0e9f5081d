import { Worker } from 'node:worker_threads';
import type { LoadRun } from './loadFigures.ts';
import type { LoadJob, LoadReply } from './loadWorker.ts';

const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then(({ register }) => { register(); return import(${JSON.stringify(new URL('./loadWorker.ts', import.meta.url).href)}); })
  .catch((error) => { throw error; });`;

/**
 * One load run in a fresh worker thread (bench/loadWorker.ts), which ends with the run, so nothing
 * of the client stays in the process between runs (the memory figure reads this process's RSS).
 * A worker does not take `--import tsx` from the bench's flags (Node 20), so a small bootstrap
 * registers tsx in the worker before importing the TypeScript file.
 */
export function runLoad(job: LoadJob): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    let reply: LoadReply | null = null;
    worker.once('message', (message: LoadReply) => {
      reply = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (reply) resolve({ latenciesMs: Array.from(reply.latenciesMs), elapsedMs: reply.elapsedMs, statuses: reply.statuses });
      else reject(new Error(`the load worker exited (${code}) without a result`));
    });
  });
}
