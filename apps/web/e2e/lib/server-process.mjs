/* global fetch, AbortSignal */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

const MAX_OUTPUT_CHARS = 200_000;

/** Asks the OS for a free TCP port on 127.0.0.1. */
export function findFreePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts `node <mainFile>` with the given env, keeping its output (stdout + stderr) for failure reports.
 * @returns {{ child: import('node:child_process').ChildProcess, output: () => string, exited: Promise<{code: number|null, signal: string|null}> }}
 */
export function startServer({ mainFile, cwd, env }) {
  const child = spawn(process.execPath, [mainFile], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output += chunk.toString();
    if (output.length > MAX_OUTPUT_CHARS) output = output.slice(-MAX_OUTPUT_CHARS);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolveExit) => {
    child.on('exit', (code, signal) => resolveExit({ code, signal }));
    child.on('error', (error) => {
      keep(`\n[e2e] failed to spawn the server: ${error.message}\n`);
      resolveExit({ code: -1, signal: null });
    });
  });
  return { child, output: () => output, exited };
}

/** Polls GET `url` until it answers 200; fails early if the server process exits. */
export async function waitForHealthy({ url, server, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  let exitInfo = null;
  void server.exited.then((info) => (exitInfo = info));
  while (Date.now() < deadline) {
    if (exitInfo) {
      throw new Error(`the server exited before it was healthy (code ${exitInfo.code}, signal ${exitInfo.signal})`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (response.status === 200) return response.json();
      lastProblem = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      lastProblem = error.cause?.code ?? error.message;
    }
    await delay(500);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${lastProblem})`);
}

/** SIGTERM, then wait for the exit; SIGKILL after `graceMs`. Resolves to a description of how it ended. */
export async function stopServer(server, graceMs = 20_000) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return 'already exited';
  server.child.kill('SIGTERM');
  const timeout = delay(graceMs).then(() => 'timeout');
  const result = await Promise.race([server.exited, timeout]);
  if (result === 'timeout') {
    server.child.kill('SIGKILL');
    await server.exited;
    throw new Error(`the server did not exit within ${graceMs / 1000} s of SIGTERM (killed)`);
  }
  return `exited (code ${result.code}, signal ${result.signal})`;
}
