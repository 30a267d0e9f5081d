import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { runKeysCommand, spawnServer, type SpawnedServer } from '../../support/spawnServer.ts';
import { rememberSecret } from './assertNoSecretsInStorage.ts';
import { serveStatic } from './serveStatic.ts';

const root = resolve(import.meta.dirname, '../../..');
const outDir = resolve(root, 'dist-e2e-server');

export interface ServerModeSite {
  /** The SPA built with `VITE_BACKEND=server`, with `/v1/…` and `/health` proxied to the server: one origin. */
  url: string;
  /** The server as it runs now (for the test's own API calls); {@link restartServer} replaces it. */
  readonly server: SpawnedServer;
  /** The one-time link the server printed (`<url>/sign-in#code=…`), not yet used. */
  signInLink: string;
  /** The code in that link. */
  signInCode: string;
  adminKey: string;
  /** A team manager of team a (the demo seed's team; mo.teamb is in team b), with its id for `server:keys revoke`. */
  teamManager: { id: string; key: string };
  /** Runs a keys command on the data folder (the server must be stopped: see {@link restartServer}). */
  keys(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }>;
  /**
   * Stops the server (SIGTERM), runs `meanwhile` (a keys command, which needs the data folder to
   * itself), and starts it again on the same data; the site keeps its origin and proxies to the new port.
   */
  restartServer(meanwhile: () => Promise<void>, signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
  close(): Promise<void>;
}

/**
 * The app as it runs in server mode, for the server-mode spec only (built lazily, not in the
 * global setup): builds the SPA with `VITE_BACKEND=server` into `dist-e2e-server/`, creates an
 * admin key and a team manager's key on a fresh data folder (before the server starts: the
 * embedded database is locked to one process), starts the real server with `APP_URL` set to the
 * site's origin, and serves the build on a loopback port that proxies the API to it.
 */
export async function startServerModeSite(options: { env?: NodeJS.ProcessEnv } = {}): Promise<ServerModeSite> {
  const dataDir = await mkdtemp(join(tmpdir(), 'invite-doctor-e2e-'));
  let server: SpawnedServer | undefined;
  // Files are read per request, so the site can listen (and give APP_URL its origin) before the build.
  const served = await serveStatic(outDir, { proxyTo: () => server?.url });
  try {
    // The build and the keys commands (one at a time: each locks the embedded database for seconds) side by side.
    const createKeys = async () => ({ admin: await createKey(['--role', 'admin'], dataDir), teamManager: await createKey(['--role', 'team-manager', '--team', 'a'], dataDir) });
    const [{ admin, teamManager }] = await Promise.all([createKeys(), buildServerModeApp()]);
    const env = { ...options.env, APP_URL: served.url };
    let running = await spawnServer(['--data', dataDir], env);
    server = running;
    const signInLink = await printedSignInLink(running);
    const signInCode = new URL(signInLink).hash.replace(/^#code=/, '');
    for (const secret of [signInCode, admin.key, teamManager.key]) rememberSecret(secret);
    return {
      url: served.url,
      get server() {
        return running;
      },
      signInLink,
      signInCode,
      adminKey: admin.key,
      teamManager,
      keys: (args) => runKeysCommand([...args, '--data', dataDir]),
      restartServer: async (meanwhile, signal = 'SIGTERM') => {
        server = undefined;
        const code = await running.stop(signal);
        // SIGKILL (a crash) leaves no exit code to check.
        if (signal === 'SIGTERM' && code !== 0) throw new Error(`the server exited with ${code} on SIGTERM:\n${running.output()}`);
        await meanwhile();
        running = await spawnServer(['--data', dataDir], env);
        server = running;
      },
      close: async () => {
        await served.close();
        await running.stop('SIGTERM');
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await served.close();
    await server?.stop('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** `vite build` as the global setup does it, with `VITE_BACKEND=server` for this build only. */
async function buildServerModeApp(): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  // Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build.
  const saved = { NODE_ENV: process.env.NODE_ENV, VITE_BACKEND: process.env.VITE_BACKEND, VITE_BACKEND_URL: process.env.VITE_BACKEND_URL };
  process.env.NODE_ENV = 'production';
  process.env.VITE_BACKEND = 'server';
  delete process.env.VITE_BACKEND_URL;
  try {
    await build({ root, configFile: resolve(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** `server:keys create …` on the data folder: `Created <id> (…)`, then the key alone on the last line. */
async function createKey(args: string[], dataDir: string): Promise<{ id: string; key: string }> {
  const { code, stdout, stderr } = await runKeysCommand(['create', ...args, '--data', dataDir]);
  const key = stdout.trim().split('\n').at(-1)?.trim() ?? '';
  const id = /^Created (\S+) /m.exec(stdout)?.[1];
  if (code !== 0 || !key || !id) throw new Error(`server:keys create ${args.join(' ')} failed (${code}):\n${stdout}\n${stderr}`);
  return { id, key };
}

/** The server prints `Sign in: <APP_URL>/sign-in#code=…` just after it starts listening. */
async function printedSignInLink(server: SpawnedServer): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const link = /^Sign in: (\S+)$/m.exec(server.output())?.[1];
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`the server printed no "Sign in:" line:\n${server.output()}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}
