import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from './loadConfig.ts';

/**
 * The embedded database is one process's: a second server (or the keys command) on the same
 * folder would corrupt it. Takes `server.lock` with this process id; a lock left by a process
 * that no longer runs (a crash, kill -9) is taken over. Returns the release.
 */
export async function lockDataDir(dataDir: string, purpose: string): Promise<() => Promise<void>> {
  const path = join(dataDir, 'server.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const file = await open(path, 'wx');
      await file.writeFile(`${process.pid}\n${purpose}\n`);
      await file.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pid, holder] = (await readFile(path, 'utf8').catch(() => '')).split('\n');
      if (pid && Number(pid) !== process.pid && isRunning(Number(pid))) {
        throw new ConfigError(`The data folder ${dataDir} is in use by ${holder || 'another process'} (pid ${pid}). Stop it first, or give this one another --data folder.`);
      }
      await rm(path, { force: true });
    }
  }
  throw new ConfigError(`Could not lock the data folder ${dataDir}.`);
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
