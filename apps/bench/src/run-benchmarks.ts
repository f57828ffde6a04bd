import { cpus, totalmem } from 'node:os';
import { startBenchServer } from './bench-server';
import { flowBenchmarkOptionsFromEnv, printFlowResult, runFlowBenchmark } from './flow-benchmark';
import { runImportBenchmark } from './import-benchmark';
import { runCreateBenchmark } from './record-create-benchmark';
import { runListBenchmark } from './record-list-benchmark';
import { runReportBenchmark } from './report-benchmark';

/**
 * `pnpm bench`: the product's performance budgets, each measured as a ratio against a baseline taken in the
 * same run on the same machine (DESIGN.md "Performance budgets"). BENCH_ROWS sets the big-table size
 * (default 1,000,000); BENCH_QUICK=1 runs a small smoke version.
 */
async function main(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const rows = Number(process.env.BENCH_ROWS ?? (quick ? 20_000 : 1_000_000));
  const creates = quick ? 500 : 3_000;
  console.log(
    `Tessera benchmarks — ${new Date().toISOString()} — ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  const server = await startBenchServer();
  try {
    const create = await runCreateBenchmark(server, creates, 8);
    console.log('\n## Create a 20-field record: HTTP API vs bare pg INSERT (concurrency 8)');
    console.table({ api: create.api, 'bare INSERT': create.bareInsert });
    console.log(`ratio (API / bare INSERT throughput): ${create.ratio}  — budget ≥ 0.4`);

    const list = await runListBenchmark(server, rows, quick ? 20 : 50);
    console.log(
      `\n## Filtered + sorted page of 50 from ${rows.toLocaleString('en-US')} records (loaded in ${list.loadSeconds} s)`,
    );
    console.table({
      'page (no total)': list.pageNoTotal,
      'page + total count': list.pageWithTotal,
      'next page (keyset)': list.keysetPage,
    });
    console.log(`median ${list.pageNoTotal.p50} ms — budget < 20 ms\nplan:\n${list.plan}`);
  } finally {
    await server.stop();
  }

  const reports = await runReportBenchmark({ rows });
  console.log(`\n## Reports over ${rows.toLocaleString('en-US')} records: API vs hand-written SQL (median)`);
  console.table(Object.fromEntries(reports.map((r) => [r.name, { apiMs: r.apiMs, sqlMs: r.sqlMs, ratio: r.ratio }])));
  console.log('budget: ratio ≤ 1.3 per chart kind');

  const importRows = quick ? 5_000 : 100_000;
  const imported = await runImportBenchmark({ rows: importRows });
  console.log(`\n## Import ${importRows.toLocaleString('en-US')} CSV rows over HTTP (all or nothing)`);
  console.table({ import: imported });

  if (process.env.BENCH_FLOWS !== 'off') {
    console.log('\n## Flows: approval steps, record-triggered starts, 100k pending timers');
    printFlowResult(await runFlowBenchmark({ ...flowBenchmarkOptionsFromEnv(), log: () => undefined }));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
