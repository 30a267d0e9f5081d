import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const packageDir = resolve(import.meta.dirname, '../identity/firebase');
/** The `firebase` command of the separate test package (tests/identity/firebase), absent until `npm ci --prefix tests/identity/firebase`. */
export const firebaseBin = join(packageDir, 'node_modules/.bin/firebase');

export interface FirebaseAuthEmulator {
  /** `127.0.0.1:<port>`, the value of FIREBASE_AUTH_EMULATOR_HOST. */
  host: string;
  projectId: string;
  /** Milliseconds from spawn to the first answer. */
  startedInMs: number;
  stop(): Promise<void>;
}

/** `count` distinct free loopback ports: all held open until every one is chosen, so none repeats. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<Server>((resolveServer, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolveServer(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((closed) => server.close(closed))));
  return ports;
}

/**
 * Starts the Firebase Auth emulator alone (`emulators:start --only auth`, UI off) on free ports
 * (auth, hub and logging: the defaults are fixed and would clash with another run), in its own
 * process group so `stop` ends the whole tree by its pid. `CI=true` keeps firebase-tools from
 * fetching anything at start; the `demo-` project id makes it refuse to touch a real project.
 */
export async function startFirebaseAuthEmulator(projectId = 'demo-invite-doctor', readyTimeoutMs = 120_000): Promise<FirebaseAuthEmulator> {
  if (!existsSync(firebaseBin)) throw new Error('firebase-tools is not installed: run npm ci --prefix tests/identity/firebase');
  // A port chosen free can be taken by someone else before the emulator binds it: try fresh ones.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePorts(projectId, readyTimeoutMs);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof Error) || !/port taken|is not open/i.test(error.message)) throw error;
    }
  }
}

async function startOnFreePorts(projectId: string, readyTimeoutMs: number): Promise<FirebaseAuthEmulator> {
  const dir = await mkdtemp(join(tmpdir(), 'firebase-auth-emulator-'));
  const [authPort, hubPort, loggingPort] = (await freePorts(3)) as [number, number, number];
  const config = JSON.parse(await readFile(join(packageDir, 'firebase.json'), 'utf8')) as { emulators: Record<string, Record<string, unknown>> };
  config.emulators.auth = { host: '127.0.0.1', port: authPort };
  config.emulators.hub = { host: '127.0.0.1', port: hubPort };
  config.emulators.logging = { host: '127.0.0.1', port: loggingPort };
  await writeFile(join(dir, 'firebase.json'), JSON.stringify(config));
  const started = Date.now();
  const child = spawn(firebaseBin, ['emulators:start', '--only', 'auth', '--project', projectId, '--config', join(dir, 'firebase.json')], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true', NO_UPDATE_NOTIFIER: '1', FIREBASE_CLI_DISABLE_UPDATE_CHECK: 'true', HOME: process.env.HOME ?? dir },
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  let alive = true;
  void exited.then(() => (alive = false));

  const stop = async () => {
    if (alive && child.pid) {
      try {
        process.kill(-child.pid, 'SIGINT');
      } catch {
        // already gone
      }
      const forced = setTimeout(() => alive && child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(forced);
    }
    await rm(dir, { recursive: true, force: true });
  };

  const host = `127.0.0.1:${authPort}`;
  while (Date.now() - started < readyTimeoutMs) {
    if (!alive) {
      await stop();
      throw new Error(`The Firebase Auth emulator exited before it was ready:\n${output}`);
    }
    const ready = await fetch(`http://${host}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return { host, projectId, startedInMs: Date.now() - started, stop };
    await new Promise((wait) => setTimeout(wait, 250));
  }
  await stop();
  throw new Error(`The Firebase Auth emulator did not answer within ${readyTimeoutMs / 1000} s:\n${output}`);
}
