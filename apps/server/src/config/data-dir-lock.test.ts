import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock';

describe('the data directory lock', () => {
  it('refuses a second holder while the first lives, and is free after release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-lock-'));
    // A live process other than this one holds the lock.
    writeFileSync(join(dir, 'server.lock'), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
  });

  it('takes over a lock left by a dead process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, 'server.lock'), dead);
    const lock = acquireDataDirLock(dir);
    lock.release();
    acquireDataDirLock(dir).release();
  });
});
