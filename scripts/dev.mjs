// `pnpm dev`: the server with watch (swc, no build step) and Vite with its proxy to the server.
import { spawn } from 'node:child_process';
import { pnpmCommand } from './pnpm.mjs';
import { ROOT } from './bootstrap.mjs';

const [command, ...prefix] = pnpmCommand();
const children = [
  spawn(command, [...prefix, '--filter', '@tessera/server', 'run', 'dev'], { stdio: 'inherit', cwd: ROOT }),
  spawn(command, [...prefix, '--filter', '@tessera/web', 'run', 'dev'], { stdio: 'inherit', cwd: ROOT }),
];
for (const child of children) child.on('exit', (code) => process.exit(code ?? 0));
