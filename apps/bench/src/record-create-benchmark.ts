import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Pool } from 'pg';
import { qualifiedName, quoteIdent } from '../../../packages/query/src';
import { tenantSchemaName } from '../../server/src/forms/tenant-schema';
import { api, type BenchServer } from './bench-server';
import { bareRow, benchValues, createBenchForm } from './bench-form';
import { latencyStats, round, runConcurrently, type LatencyStats } from './latency-stats';

export interface CreateBenchmarkResult {
  records: number;
  concurrency: number;
  api: { perSecond: number } & LatencyStats;
  bareInsert: { perSecond: number } & LatencyStats;
  ratio: number;
}

/**
 * Create a 20-field record through the HTTP API (validate, formula, insert, audit + outbox) vs a bare pg INSERT
 * of the same row with the same role and pool size, at the same concurrency, in the same run.
 */
export async function runCreateBenchmark(
  server: BenchServer,
  records: number,
  concurrency: number,
): Promise<CreateBenchmarkResult> {
  await createBenchForm(server, 'bench_create');
  const me = await api<{ id: string; tenant: { id: string } }>(server, 'GET', '/api/v1/me');
  const table = qualifiedName(tenantSchemaName(me.tenant.id), 'bench_create');
  const pool = new Pool({ connectionString: server.appUrl, max: 20 });
  const sample = bareRow(0, me.id);
  const columns = Object.keys(sample);
  const sql = `INSERT INTO ${table} (${columns.map(quoteIdent).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`;
  const bareInsert = (i: number) => {
    const row = bareRow(i, me.id);
    return pool
      .query(
        sql,
        columns.map((c) => row[c]),
      )
      .then(() => undefined);
  };
  const apiCreates = (from: number, count: number) =>
    postFromWorker(
      `${server.baseUrl}/api/v1/forms/bench_create/records`,
      server.token,
      Array.from({ length: count }, (_, i) => ({ values: benchValues(from + i) })),
      concurrency,
    );

  // Warm both paths (JIT, caches, connections), then measure.
  await apiCreates(1_000_000, 200);
  await runConcurrently(200, concurrency, (i) => bareInsert(2_000_000 + i));
  const viaApi = await apiCreates(0, records);
  const viaPg = await runConcurrently(records, concurrency, (i) => bareInsert(3_000_000 + i));
  await pool.end();
  const apiPerSecond = records / viaApi.seconds;
  const pgPerSecond = records / viaPg.seconds;
  return {
    records,
    concurrency,
    api: { perSecond: round(apiPerSecond, 0), ...latencyStats(viaApi.latencies) },
    bareInsert: { perSecond: round(pgPerSecond, 0), ...latencyStats(viaPg.latencies) },
    ratio: round(apiPerSecond / pgPerSecond, 3),
  };
}

/** POSTs the bodies from a worker thread (the load generator must not share the server's event loop). */
function postFromWorker(
  url: string,
  token: string,
  bodies: unknown[],
  concurrency: number,
): Promise<{ latencies: number[]; seconds: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'http-load-worker.ts'), {
      workerData: { url, token, bodies, concurrency },
      execArgv: ['-r', '@swc-node/register'],
    });
    worker.once(
      'message',
      (result: { latencies: number[]; seconds: number; failures: number; firstFailure: string }) => {
        void worker.terminate();
        if (result.failures) reject(new Error(`${result.failures} API calls failed: ${result.firstFailure}`));
        else resolve(result);
      },
    );
    worker.once('error', reject);
  });
}
