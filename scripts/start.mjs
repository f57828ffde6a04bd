// `npm start`: install and build what is needed, then run the server (embedded PostgreSQL unless DATABASE_URL).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { bootstrap, ROOT } from './bootstrap.mjs';

bootstrap();
const server = spawn(process.execPath, [join(ROOT, 'apps/server/dist/main.js')], { stdio: 'inherit', cwd: ROOT });
// Ctrl-C reaches the server too (same process group); it shuts down cleanly, and we exit with it.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (signal === 'SIGTERM') server.kill('SIGTERM');
  });
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
