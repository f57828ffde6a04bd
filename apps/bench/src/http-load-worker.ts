import { parentPort, workerData } from 'node:worker_threads';

/**
 * The HTTP load generator runs on its own thread so the server's event loop is not also running the client:
 * the API is measured as a separate caller would see it.
 */
interface LoadRequest {
  url: string;
  token: string;
  bodies: unknown[];
  concurrency: number;
}

async function run({ url, token, bodies, concurrency }: LoadRequest): Promise<void> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  let firstFailure = '';
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const t0 = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        });
        const text = await response.text();
        if (!response.ok) {
          failures++;
          firstFailure ||= `${response.status} ${text.slice(0, 300)}`;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  parentPort?.postMessage({ latencies, seconds: (performance.now() - started) / 1000, failures, firstFailure });
}

void run(workerData as LoadRequest);
