import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface DoctorRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `scripts/doctor.ts` as its own process from the repository root, with this environment on top
 * of the test's (logs silent); killed after 150 s so a hang fails the test instead of the gate.
 */
export async function runDoctorProcess(args: readonly string[], env: NodeJS.ProcessEnv): Promise<DoctorRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/doctor.ts', ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, stdout, stderr };
}
