import { request } from 'node:http';
import { Readable } from 'node:stream';
import { benchValues, BENCH_FIELDS, createBenchForm } from './bench-form';
import { startBenchServer, type BenchServer } from './bench-server';

export interface ImportBenchmarkResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  /** Peak resident memory of this process (the server runs in it) while the import ran. */
  peakRssMb: number;
}

/** Every writable field of the bench form, as CSV headers (field keys map themselves). */
const COLUMNS = BENCH_FIELDS.filter((f) => f.type !== 'formula').map((f) => f.key);

function csvCell(value: unknown): string {
  const text = Array.isArray(value) ? value.join(',') : value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV file, generated line by line: the benchmark never holds it either. */
function* csvLines(rows: number): Generator<string> {
  yield `${COLUMNS.join(',')}\n`;
  for (let i = 1; i <= rows; i++) {
    const values = benchValues(i);
    yield `${COLUMNS.map((key) => csvCell(values[key])).join(',')}\n`;
  }
}

function postCsv(server: BenchServer, path: string, body: Readable): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${server.baseUrl}${path}`,
      { method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'text/csv' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    body.on('error', reject);
    body.pipe(req);
  });
}

/**
 * Imports N generated rows of the 20-field bench form from a CSV streamed over HTTP (all_or_nothing: one
 * transaction, the full validation, formulas, audit and outbox per row) and reports throughput and peak memory.
 */
export async function runImportBenchmark(options: { rows: number }): Promise<ImportBenchmarkResult> {
  const server = await startBenchServer();
  try {
    await createBenchForm(server, 'import_bench');
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
    const started = process.hrtime.bigint();
    const response = await postCsv(
      server,
      '/api/v1/forms/import_bench/import?mode=all_or_nothing&locale=en-US',
      Readable.from(csvLines(options.rows)),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    if (response.status !== 200) throw new Error(`import → ${response.status}: ${response.text.slice(0, 500)}`);
    const report = JSON.parse(response.text) as { created: number };
    if (report.created !== options.rows) throw new Error(`imported ${report.created} of ${options.rows} rows`);
    return {
      rows: options.rows,
      seconds: Math.round(seconds * 100) / 100,
      rowsPerSecond: Math.round(options.rows / seconds),
      peakRssMb: Math.round(peakRss / 1e6),
    };
  } finally {
    await server.stop();
  }
}
