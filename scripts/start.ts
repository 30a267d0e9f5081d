/**
 * `npm start`: the Invite Doctor server (`server/main.ts`) and Vite's dev server in server mode
 * (`VITE_BACKEND=server`, `/v1` and `/health` proxied to the server), in one terminal. Both
 * outputs are forwarded with a prefix; once `GET /health` answers through the dev server, the
 * app's address and the server's one-time sign-in link are printed. Ctrl-C, SIGTERM, or either
 * child ending stops both (by process id). `INVITE_DOCTOR_PORT` moves the server off 8787.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverPort = Number(process.env.INVITE_DOCTOR_PORT ?? 8787);
const appPort = await findFreePort(5173);
const appUrl = `http://localhost:${appPort}`;
const viteBin = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
const startupLimitMs = 120_000;

let signInLine: string | null = null;
let stopping = false;

const server = run('server', [process.execPath, '--import', 'tsx', 'server/main.ts', '--port', String(serverPort)], {
  APP_URL: appUrl,
  PORT: String(serverPort),
});
const app = run('app', [process.execPath, viteBin, '--port', String(appPort), '--strictPort'], {
  VITE_BACKEND: 'server',
  INVITE_DOCTOR_PORT: String(serverPort),
});
const children = [server, app];

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop(0));

if (await waitForHealth()) announce();
else if (!stopping) {
  console.error(`\nThe server did not answer /health (directly and through ${appUrl}) within ${startupLimitMs / 1000} s; stopping.`);
  stop(1);
}

/** Starts one child with its output forwarded line by line behind a short prefix. */
function run(name: string, [command, ...args]: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command as string, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${name}]`.padEnd(9);
  for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
    if (!stream) continue;
    readline.createInterface({ input: stream }).on('line', (line) => {
      if (name === 'server' && /^Sign in: /.test(line)) signInLine = line;
      out.write(`${prefix}${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`\n${name} stopped (${signal ?? `exit code ${code}`}); stopping the other one too.`);
    stop(code === 0 || code === null ? 1 : code);
  });
  return child;
}

/** Stops both children by process id (SIGTERM, then SIGKILL after 5 s) and exits with `code`. */
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null && child.pid !== undefined);
  for (const child of running) signalChild(child, 'SIGTERM');
  const force = setTimeout(() => {
    for (const child of running) signalChild(child, 'SIGKILL');
  }, 5_000);
  force.unref();
  void Promise.all(running.map((child) => new Promise((resolve) => child.once('exit', resolve)))).then(() => process.exit(code));
}

function signalChild(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(child.pid, signal);
  } catch {
    // It has already exited.
  }
}

/**
 * Polls the server's `/health` directly (asking through the proxy while the server boots would
 * fill the output with proxy errors), then once through the dev server, so both are known to be up.
 */
async function waitForHealth(): Promise<boolean> {
  const deadline = Date.now() + startupLimitMs;
  for (const url of [`http://127.0.0.1:${serverPort}/health`, `${appUrl}/health`]) {
    while (!(await isHealthy(url))) {
      if (stopping || Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
  return true;
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok && ((await response.json()) as { status?: unknown }).status === 'ok';
  } catch {
    return false;
  }
}

function announce(): void {
  const lines = [
    `Invite Doctor is running: ${appUrl}`,
    `(server on http://127.0.0.1:${serverPort}; Ctrl-C stops both)`,
    '',
    signInLine
      ? `${signInLine}   (works once, for a few hours)`
      : `Sign in with a key: npm run --silent server:keys -- create --role admin`,
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '='.repeat(width + 4);
  console.log(['', rule, ...lines.map((line) => `  ${line}`), rule, ''].join('\n'));
}

/** The first port from `preferred` on that nothing listens on, so the sign-in link can name it before Vite starts. */
async function findFreePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 20; port += 1) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen({ port, host: '127.0.0.1' }, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${preferred} to ${preferred + 19}`);
}
