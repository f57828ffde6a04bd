// The shared first half of `npm start` and `npm test`: install the workspace, then build what is stale.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPnpm } from './pnpm.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Builds a target only when one of its inputs changed since its last successful build. */
function buildIfStale(name, inputs, stampFile, build) {
  const stamp = join(ROOT, stampFile);
  const newestInput = Math.max(...inputs.map((input) => newestMtime(join(ROOT, input))));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestInput) {
    console.log(`✓ ${name} is up to date`);
    return;
  }
  console.log(`… building ${name}`);
  build();
  writeFileSync(stamp, new Date().toISOString());
}

export function bootstrap() {
  const started = Date.now();
  runPnpm(['install', '--frozen-lockfile', '--reporter=silent'], { cwd: ROOT });
  const shared = ['packages', 'tsconfig.base.json', 'pnpm-lock.yaml'];
  buildIfStale(
    'the engines and the server',
    [...shared, 'apps/server/src', 'apps/server/tsconfig.build.json'],
    'apps/server/.build-stamp',
    () => {
      runPnpm(['-r', '--filter', './packages/**', 'run', 'build'], { cwd: ROOT });
      runPnpm(['--filter', '@tessera/server', 'run', 'build'], { cwd: ROOT });
    },
  );
  buildIfStale(
    'the web app',
    [...shared, 'apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'apps/web/public'],
    'apps/web/.build-stamp',
    () => {
      runPnpm(['--filter', '@tessera/web', 'run', 'build'], { cwd: ROOT });
    },
  );
  console.log(`✓ ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
