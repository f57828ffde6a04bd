/* global setTimeout, clearTimeout, window */
// End-to-end runner: starts the real server on a free port with a fresh DATA_DIR, launches Debian's Chromium
// (playwright-core) and runs every e2e/scenarios/*.e2e.mjs (or those named on the command line) against it.
//
//   pnpm test:e2e                 all scenarios
//   pnpm test:e2e shell           only scenarios whose name contains "shell"
//
// Needs: the server built (apps/server/dist/main.js) and serving the web build (apps/web/dist) on the same
// origin as /api; Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { findFreePort, startServer, stopServer, waitForHealthy } from './lib/server-process.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const webDir = resolve(here, '..');
const serverMain = resolve(here, '../../server/dist/main.js');
const webDist = resolve(webDir, 'dist/index.html');
const scenariosDir = join(here, 'scenarios');
const artifactsDir = join(here, 'artifacts');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ADMIN_PASSWORD = 'e2e-Passw0rd!';
const HEALTH_TIMEOUT_MS = 90_000;
const SCENARIO_TIMEOUT_MS = 180_000;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const log = (message) => console.log(`[e2e] ${message}`);

function preflight() {
  const problems = [];
  if (!existsSync(serverMain)) {
    problems.push(`${serverMain} is missing: build the server first (pnpm --filter @tessera/server run build)`);
  }
  if (!existsSync(webDist)) {
    problems.push(`${webDist} is missing: build the web app first (pnpm --filter @tessera/web run build)`);
  }
  if (!existsSync(chromiumPath)) {
    problems.push(`${chromiumPath} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  }
  return problems;
}

async function loadScenarios(filters) {
  const files = readdirSync(scenariosDir)
    .filter((file) => file.endsWith('.e2e.mjs'))
    .sort();
  const scenarios = [];
  for (const file of files) {
    const module = await import(pathToFileURL(join(scenariosDir, file)).href);
    if (typeof module.run !== 'function') throw new Error(`${file} does not export run(context)`);
    const name = module.name ?? basename(file, '.e2e.mjs');
    if (filters.length === 0 || filters.some((filter) => name.includes(filter))) {
      scenarios.push({ name, file, run: module.run });
    }
  }
  return scenarios;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runScenario(scenario, { context, baseUrl }) {
  // A clean slate per scenario: no cookies, no localStorage from the previous one.
  await context.clearCookies();
  const page = await context.newPage();
  await page.goto(`${baseUrl}/api/health`);
  await page.evaluate(() => window.localStorage.clear());

  const pageErrors = [];
  const consoleErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });

  let shot = 0;
  const screenshot = async (label) => {
    shot += 1;
    const file = join(artifactsDir, `${scenario.name}-${String(shot).padStart(2, '0')}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };
  const step = (message) => log(`  ${scenario.name}: ${message}`);

  try {
    await withTimeout(
      scenario.run({
        page,
        context,
        baseUrl,
        credentials: { tenant: 'demo', email: 'admin@tessera.local', password: ADMIN_PASSWORD },
        screenshot,
        step,
      }),
      SCENARIO_TIMEOUT_MS,
      `scenario ${scenario.name}`,
    );
    if (pageErrors.length > 0) {
      throw new Error(`uncaught errors in the page:\n${pageErrors.join('\n')}`);
    }
  } catch (error) {
    const file = await screenshot('failure').catch(() => null);
    if (consoleErrors.length > 0) step(`browser console errors:\n    ${consoleErrors.join('\n    ')}`);
    if (file) step(`failure screenshot: ${file}`);
    throw error;
  } finally {
    await page.close().catch(() => {});
  }
}

async function main() {
  const filters = process.argv.slice(2);
  const problems = preflight();
  if (problems.length > 0) {
    for (const problem of problems) console.error(`[e2e] ${problem}`);
    return 2;
  }
  const scenarios = await loadScenarios(filters);
  if (scenarios.length === 0) {
    console.error(`[e2e] no scenario matches ${JSON.stringify(filters)}`);
    return 2;
  }

  rmSync(artifactsDir, { recursive: true, force: true });
  mkdirSync(artifactsDir, { recursive: true });

  const port = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-e2e-data-'));
  const userDataDir = mkdtempSync(join(tmpdir(), 'tessera-e2e-chrome-'));
  const baseUrl = `http://localhost:${port}`;
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, TESSERA_ADMIN_PASSWORD: ADMIN_PASSWORD };
  delete env.DATABASE_URL; // always the embedded PostgreSQL under the fresh DATA_DIR

  log(`starting the server: node ${serverMain} (PORT=${port}, DATA_DIR=${dataDir})`);
  const server = startServer({ mainFile: serverMain, cwd: webDir, env });
  let context = null;
  let failed = false;
  const stopOnSignal = async (signal) => {
    log(`${signal}: stopping`);
    await context?.close().catch(() => {});
    await stopServer(server).catch(() => {});
    process.exit(130);
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  try {
    const startedAt = Date.now();
    try {
      const health = await waitForHealthy({ url: `${baseUrl}/api/health`, server, timeoutMs: HEALTH_TIMEOUT_MS });
      log(`server healthy after ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${JSON.stringify(health)}`);
    } catch (error) {
      console.error(`[e2e] FAILED: ${error.message}\n[e2e] ----- server output -----\n${server.output()}`);
      console.error('[e2e] ----- end of server output -----');
      failed = true;
      return 1;
    }

    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: 'en-US',
      viewport: { width: 1366, height: 860 },
    });

    const results = [];
    for (const scenario of scenarios) {
      log(`scenario ${scenario.name} (${scenario.file})`);
      const startedScenario = Date.now();
      try {
        await runScenario(scenario, { context, baseUrl });
        results.push({ name: scenario.name, ok: true, ms: Date.now() - startedScenario });
        log(`  ✔ ${scenario.name}`);
      } catch (error) {
        results.push({ name: scenario.name, ok: false, ms: Date.now() - startedScenario, error });
        console.error(`[e2e]   ✘ ${scenario.name}: ${error.message}`);
      }
    }

    log('summary:');
    for (const result of results) {
      log(`  ${result.ok ? 'PASS' : 'FAIL'}  ${result.name}  (${(result.ms / 1000).toFixed(1)} s)`);
    }
    failed = results.some((result) => !result.ok);
    if (failed) {
      console.error(
        `[e2e] ----- server output (last lines) -----\n${server.output().split('\n').slice(-80).join('\n')}`,
      );
    }
    log(`screenshots in ${artifactsDir}`);
    return failed ? 1 : 0;
  } catch (error) {
    failed = true;
    console.error(`[e2e] FAILED: ${error.stack ?? error.message}`);
    return 1;
  } finally {
    await context?.close().catch(() => {});
    try {
      log(`stopping the server (SIGTERM): ${await stopServer(server)}`);
    } catch (error) {
      failed = true;
      console.error(`[e2e] FAILED: ${error.message}`);
      process.exitCode = 1;
    }
    rmSync(userDataDir, { recursive: true, force: true });
    if (failed) log(`kept DATA_DIR for inspection: ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(process.exitCode || code),
  (error) => {
    console.error(`[e2e] FAILED: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
