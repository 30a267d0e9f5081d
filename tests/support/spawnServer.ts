import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface SpawnedServer {
  url: string;
  process: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Sends `signal` to the process by its id and waits for it to exit; resolves the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** A free loopback port: listen on 0, read it, close. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * `npm run server` as its own process (what a person runs), on a free port, waiting until
 * `GET /health` answers. Tests kill it by its process id, gently or with SIGKILL.
 */
export async function spawnServer(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 90_000): Promise<SpawnedServer> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--port', String(port), ...args], {
    cwd: root,
    // The demo world's SMTP sink and bounce receiver on ports the OS picks: tests run servers side by side.
    // No generated demo organisation unless a test asks (DEMO_ORGANISATION): the 22 seeded people, as the tests count them.
    env: { ...process.env, LOG_LEVEL: 'warn', DEMO_SMTP_PORT: '0', BOUNCE_SMTP_PORT: '0', DEMO_ORGANISATION: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it answered:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /health within ${timeoutMs} ms:\n${output}`);
    }
    const healthy = await fetch(`${url}/health`).then((response) => response.ok, () => false);
    if (healthy) break;
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    url,
    process: child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null && child.pid) process.kill(child.pid, signal);
      return exited;
    },
  };
}

/** `npm run --silent server:keys -- …` as its own process; resolves its standard output. */
export async function runKeysCommand(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/keysCommand.ts', ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
