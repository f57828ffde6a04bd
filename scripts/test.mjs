// `npm test`: the same bootstrap as `npm start`, then every unit and integration test on a real PostgreSQL
// (embedded, started by Jest's globalSetup; DATABASE_URL instead when set).
import { bootstrap, ROOT } from './bootstrap.mjs';
import { runPnpm } from './pnpm.mjs';

bootstrap();
runPnpm(['exec', 'jest', ...process.argv.slice(2)], { cwd: ROOT });
