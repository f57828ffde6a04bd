import { Client } from 'pg';
import { qualifiedName } from '../../../packages/query/src';
import { tenantSchemaName } from '../../server/src/forms/tenant-schema';
import { api, type BenchServer } from './bench-server';
import { createBenchForm } from './bench-form';
import { latencyStats, round, type LatencyStats } from './latency-stats';

export interface ListBenchmarkResult {
  rows: number;
  loadSeconds: number;
  pageNoTotal: LatencyStats;
  pageWithTotal: LatencyStats;
  keysetPage: LatencyStats;
  plan: string;
}

/** Bulk-loads `rows` records with one INSERT … SELECT generate_series (the database does the work). */
export async function bulkLoad(server: BenchServer, formKey: string, rows: number): Promise<number> {
  const me = await api<{ id: string; tenant: { id: string } }>(server, 'GET', '/api/v1/me');
  const table = qualifiedName(tenantSchemaName(me.tenant.id), formKey);
  const client = new Client({ connectionString: server.ownerUrl });
  await client.connect();
  const started = performance.now();
  await client.query(
    `INSERT INTO ${table} ("created_by", "updated_by", "owner_id", "title", "company", "city", "quantity", "amount", "cost", "margin",
                           "opened_on", "touched_at", "stage", "tags", "active", "email")
     SELECT $1, $1, $1, 'Deal ' || g, 'Company ' || (g % 997), (ARRAY['Shanghai','Beijing','Shenzhen','Hangzhou'])[1 + g % 4], g % 50,
            (g * 37) % 100000, (g * 11) % 50000, (g * 37) % 100000 - (g * 11) % 50000,
            DATE '2024-01-01' + (g % 1000), TIMESTAMPTZ '2024-01-01' + make_interval(mins => g % 1000000),
            (ARRAY['lead','contact','needs','proposal','won'])[1 + g % 5], CASE WHEN g % 2 = 1 THEN ARRAY['vip'] ELSE '{}' END, g % 3 = 0, 'u' || g || '@example.com'
       FROM generate_series(1, $2::int) AS g`,
    [me.id, rows],
  );
  await client.query(`ANALYZE ${table}`);
  await client.end();
  return (performance.now() - started) / 1000;
}

/**
 * A filtered, sorted page of 50 from a big form through the HTTP API (median of many calls): stage = won,
 * newest amount first — served by the amount index.
 */
export async function runListBenchmark(server: BenchServer, rows: number, calls: number): Promise<ListBenchmarkResult> {
  await createBenchForm(server, 'bench_list');
  const loadSeconds = await bulkLoad(server, 'bench_list', rows);
  const filter = encodeURIComponent(
    JSON.stringify({
      and: [
        { field: 'stage', op: 'eq', value: 'won' },
        { field: 'amount', op: 'gte', value: 1000 },
      ],
    }),
  );
  const path = `/api/v1/forms/bench_list/records?filter=${filter}&sort=-amount&limit=50`;
  const time = async (url: string) => {
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      await api(server, 'GET', url);
      samples.push(performance.now() - t0);
    }
    return latencyStats(samples);
  };
  await time(`${path}&total=false`); // warm
  const pageNoTotal = await time(`${path}&total=false`);
  const pageWithTotal = await time(path);
  const first = await api<{ nextCursor: string }>(server, 'GET', `${path}&total=false`);
  const keysetPage = await time(`${path}&total=false&after=${first.nextCursor}`);
  const me = await api<{ tenant: { id: string } }>(server, 'GET', '/api/v1/me');
  const client = new Client({ connectionString: server.ownerUrl });
  await client.connect();
  const explain = await client.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN SELECT id FROM ${qualifiedName(tenantSchemaName(me.tenant.id), 'bench_list')} r WHERE r.deleted_at IS NULL AND r.stage = 'won' AND r.amount >= 1000 ORDER BY r.amount DESC, r.id LIMIT 50`,
  );
  await client.end();
  return {
    rows,
    loadSeconds: round(loadSeconds, 1),
    pageNoTotal,
    pageWithTotal,
    keysetPage,
    plan: explain.rows.map((r) => r['QUERY PLAN']).join('\n'),
  };
}
