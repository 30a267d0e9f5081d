/**
 * The load generator, in a worker thread so the client's own work runs beside the server under
 * test (on the other core) instead of taking turns with it on the main thread. It keeps
 * `concurrency` requests in flight over keep-alive connections, first `warmup` untimed requests
 * (connections opened, code paths hot), then `count` timed ones, and posts back each latency.
 */
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
}

export interface LoadJob {
  origin: string;
  headers: Record<string, string>;
  /** Cycled through in order, request i uses requests[i % length]. */
  requests: LoadRequest[];
  concurrency: number;
  warmup: number;
  count: number;
}

export interface LoadReply {
  latenciesMs: Float64Array;
  elapsedMs: number;
  statuses: Record<string, number>;
}

const job = workerData as LoadJob;
const { hostname, port } = new URL(job.origin);
const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });

function send(request: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ agent, hostname, port, method: request.method, path: request.path, headers: job.headers }, (response) => {
      response.on('data', () => {});
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Runs `total` requests from request number `offset`, `concurrency` at a time. */
async function drive(offset: number, total: number, latencies: Float64Array | null, statuses: Record<string, number>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < total) {
      const index = next++;
      const request = job.requests[(offset + index) % job.requests.length] as LoadRequest;
      const start = performance.now();
      const status = await send(request);
      if (latencies) latencies[index] = performance.now() - start;
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(job.concurrency, total) }, lane));
}

await drive(0, job.warmup, null, {});
const latenciesMs = new Float64Array(job.count);
const statuses: Record<string, number> = {};
const start = performance.now();
await drive(job.warmup, job.count, latenciesMs, statuses);
const elapsedMs = performance.now() - start;
agent.destroy();
const reply: LoadReply = { latenciesMs, elapsedMs, statuses };
parentPort?.postMessage(reply, [latenciesMs.buffer]);
