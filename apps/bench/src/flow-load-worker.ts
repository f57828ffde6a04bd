import { parentPort, workerData } from 'node:worker_threads';

/**
 * Load generator for the flow benchmark, on its own thread (the server's event loop must not also run the client).
 * - `requests`: each request has its own method, path, body and token (every approval hits a different task URL);
 *   answers are kept when `keepBodies` (the start calls return the new instance and its task).
 * - `poll`: GET `path` every `intervalMs` until the parent posts 'stop' (API responsiveness while timers fire).
 */
export interface FlowRequest {
  method: string;
  path: string;
  token: string;
  body?: unknown;
}

export type FlowLoadJob =
  | { mode: 'requests'; baseUrl: string; requests: FlowRequest[]; concurrency: number; keepBodies: boolean }
  | { mode: 'poll'; baseUrl: string; path: string; intervalMs: number };

export interface FlowLoadResult {
  latencies: number[];
  seconds: number;
  failures: number;
  firstFailure: string;
  bodies: string[];
}

async function runRequests(job: Extract<FlowLoadJob, { mode: 'requests' }>): Promise<FlowLoadResult> {
  const latencies: number[] = [];
  const bodies: string[] = new Array<string>(job.keepBodies ? job.requests.length : 0);
  let next = 0;
  let failures = 0;
  let firstFailure = '';
  const started = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < job.requests.length) {
        const i = next++;
        const request = job.requests[i];
        const t0 = performance.now();
        const response = await fetch(`${job.baseUrl}${request.path}`, {
          method: request.method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${request.token}` },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        });
        const text = await response.text();
        latencies.push(performance.now() - t0);
        if (!response.ok) {
          failures++;
          firstFailure ||= `${request.method} ${request.path} → ${response.status} ${text.slice(0, 300)}`;
        }
        if (job.keepBodies) bodies[i] = text;
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, failures, firstFailure, bodies };
}

async function runPoll(job: Extract<FlowLoadJob, { mode: 'poll' }>): Promise<FlowLoadResult> {
  let stop = false;
  parentPort?.once('message', () => {
    stop = true;
  });
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure = '';
  const started = performance.now();
  while (!stop) {
    const t0 = performance.now();
    try {
      const response = await fetch(`${job.baseUrl}${job.path}`);
      const text = await response.text();
      if (!response.ok) {
        failures++;
        firstFailure ||= `${response.status} ${text.slice(0, 300)}`;
      }
    } catch (error) {
      failures++;
      firstFailure ||= String(error);
    }
    const took = performance.now() - t0;
    latencies.push(took);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, job.intervalMs - took)));
  }
  return { latencies, seconds: (performance.now() - started) / 1000, failures, firstFailure, bodies: [] };
}

const job = workerData as FlowLoadJob;
void (job.mode === 'requests' ? runRequests(job) : runPoll(job)).then((result) => parentPort?.postMessage(result));
