import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster for tests: a fresh data folder in the temp directory, trust
 * authentication on 127.0.0.1 and a Unix socket inside that folder, fsync off. PostgreSQL refuses
 * to run as root, so under root (here and in CI) the folder belongs to the `postgres` user and every
 * PostgreSQL program runs through `runuser -u postgres --`; as any other user it runs directly.
 */
export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:PORT/invite_doctor_test` */
  url: string;
  /** Another empty database on the same cluster; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the cluster and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

export const testDatabaseName = 'invite_doctor_test';

const run = promisify(execFile);

/**
 * The folder holding `initdb` and `pg_ctl`: `POSTGRES_BIN` when set, else the newest
 * `/usr/lib/postgresql/<version>/bin` (Debian, Ubuntu), else the folder on PATH holding both.
 * `null` when none is found.
 */
export function findPostgresBinaries(): string | null {
  const hasBoth = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  const fromEnv = process.env.POSTGRES_BIN;
  if (fromEnv) return hasBoth(fromEnv) ? fromEnv : null;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    for (const version of versions) {
      const bin = join(debian, version, 'bin');
      if (hasBoth(bin)) return bin;
    }
  }
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && hasBoth(dir)) return dir;
  }
  return null;
}

/** Starts a fresh cluster with an empty `invite_doctor_test` database. */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBinaries();
  if (!bin) throw new Error('No PostgreSQL binaries found (initdb, pg_ctl). Install them with `apt-get install -y postgresql`, or set POSTGRES_BIN to their folder.');
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? postgresUser() : null;

  const root = mkdtempSync(join(tmpdir(), 'invite-doctor-pg-'));
  const data = join(root, 'data');
  const log = join(root, 'postgres.log');
  if (owner) chownSync(root, owner.uid, owner.gid);

  // Runs a PostgreSQL program as the cluster's owner, from a folder that owner may enter.
  const pgRun = (program: string, args: string[], timeout = 60_000) => {
    const path = join(bin, program);
    const [file, argv] = owner ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
    return run(file, argv, { cwd: root, timeout, env: { ...process.env, LC_ALL: 'C', PGTZ: 'UTC' } });
  };

  let port = 0;
  let started = false;
  let removeExitHook = () => {};
  const stop = async () => {
    removeExitHook();
    if (started) {
      started = false;
      try {
        await pgRun('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
      } catch {
        await killPostmaster(data);
      }
    }
    rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };

  try {
    await pgRun('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '--encoding=UTF8', '--locale=C'], 120_000);
    // Another process may take the free port between our check and the server's bind: try again.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await pgRun('pg_ctl', [
          '-D', data, '-l', log, '-w', '-t', '60',
          '-o', `-p ${port} -k '${root}' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
          'start',
        ], 90_000);
        break;
      } catch (error) {
        if (attempt >= 3) throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${readLog(log)}`);
      }
    }
    started = true;
    // If the test process dies without calling stop(), do not leave a postmaster behind.
    const onExit = () => {
      signalPostmaster(data, 'SIGQUIT');
      rmSync(root, { recursive: true, force: true });
    };
    process.once('exit', onExit);
    removeExitHook = () => process.off('exit', onExit);

    const server = `postgres://postgres@127.0.0.1:${port}`;
    const url = await createDatabase(`${server}/postgres`, testDatabaseName);
    return { url, stop, createDatabase: (name) => createDatabase(url, name) };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}

/**
 * Creates an empty database on the cluster `url` points at (any database of it) and returns the
 * new database's URL. Lets each suite have its own database on the one cluster.
 */
export async function createDatabase(url: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (!uid || !gid) throw new Error('Running as root, but there is no `postgres` user to run PostgreSQL as (it refuses to run as root). Installing Debian\'s `postgresql` package creates it.');
  return { uid: Number(uid), gid: Number(gid) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/**
 * Last resort when `pg_ctl stop` fails: SIGQUIT (PostgreSQL's immediate shutdown, which ends its
 * children too) to the pid on the first line of postmaster.pid, then SIGKILL if it is still there.
 */
async function killPostmaster(data: string): Promise<void> {
  const pid = signalPostmaster(data, 'SIGQUIT');
  if (!pid) return;
  for (let waited = 0; waited < 5_000; waited += 100) {
    if (!isAlive(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone meanwhile
  }
}

/** Sends `signal` to the cluster's postmaster; returns its pid, or null when there is none. */
function signalPostmaster(data: string, signal: NodeJS.Signals): number | null {
  try {
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!(pid > 0)) return null;
    process.kill(pid, signal);
    return pid;
  } catch {
    return null; // not running, or already gone
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readLog(log: string): string {
  try {
    return readFileSync(log, 'utf8').split('\n').slice(-20).join('\n');
  } catch {
    return '';
  }
}
