import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** cognito-local's entry point (a root devDependency). */
export const cognitoLocalBin = resolve('node_modules/cognito-local/lib/bin/start.js');

export interface CognitoLocal {
  /** `http://127.0.0.1:<port>`: the endpoint to point the AWS SDK at (region `local`, any credentials). */
  endpoint: string;
  /** Everything it logged so far (its "mails": temporary passwords and codes appear here). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts cognito-local on a free port of 127.0.0.1 (PORT=0; the port is read from its start line)
 * with its data in a fresh temporary directory: it keeps `.cognito/` in its working directory, so
 * it runs there. `stop` kills it by pid and removes the directory.
 */
export interface CognitoLocalOptions {
  /**
   * Shifts cognito-local's clock (milliseconds, negative for the past): every user it creates then
   * carries times that far back, as if seeded earlier. @default 0
   */
  clockOffsetMs?: number;
}

export async function startCognitoLocal(options: CognitoLocalOptions = {}): Promise<CognitoLocal> {
  if (!existsSync(cognitoLocalBin)) throw new Error(`cognito-local is not installed (${cognitoLocalBin}): run npm ci`);
  const dataDir = await mkdtemp(join(tmpdir(), 'cognito-local-'));
  // Its built-in pool defaults make every pool sign in with email; null lifts that, so each
  // CreateUserPool decides as at AWS (a request's UsernameAttributes is merged over this).
  await mkdir(join(dataDir, '.cognito'));
  await writeFile(join(dataDir, '.cognito', 'config.json'), JSON.stringify({ UserPoolDefaults: { UsernameAttributes: null } }));
  const clock = options.clockOffsetMs ? ['--require', resolve('tests/support/cognitoLocalClock.cjs')] : [];
  const child: ChildProcess = spawn(process.execPath, [...clock, cognitoLocalBin], {
    cwd: dataDir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', NODE_OPTIONS: '', DEBUG: '', COGNITO_LOCAL_CLOCK_OFFSET_MS: String(options.clockOffsetMs ?? 0) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    // eslint-disable-next-line no-control-regex
    output += chunk.toString('utf8').replace(/\u001b\[[0-9;]*m/g, '');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      const exited = new Promise((done) => child.once('exit', done));
      process.kill(child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 3_000))]);
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`cognito-local did not start within 30 s:\n${output.slice(-2_000)}`)), 30_000);
      const look = () => {
        const match = /Cognito Local running on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          done(Number(match[1]));
        }
      };
      child.stdout?.on('data', look);
      child.stderr?.on('data', look);
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`cognito-local exited (${String(code)}) before it started:\n${output.slice(-2_000)}`));
      });
    });
    return { endpoint: `http://127.0.0.1:${port}`, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
