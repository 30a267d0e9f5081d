import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileFlow, parseFlow, type Clock, type Flow, type InvitationBackend, type SessionInput } from '../../src/engine/index.ts';
import { createInvitationRegistry } from '../../src/registry/index.ts';
import { createMemoryBackend, demoSeed, type MemoryBackend, type MemoryBackendOptions, type MemorySeedFactory } from '../../src/adapters/index.ts';
import { repoRoot } from '../../scripts/lib/loadProjectFiles.ts';
import { driveSession, type Move } from './driveSession.ts';

/**
 * The bench the branch tests of the shipped flows share: the flow files as shipped, the real
 * registry, a memory backend on a fixed clock, and a session driven through given moves.
 */
export const benchNow = Date.parse('2026-11-22T10:00:00.000Z');
export const benchClock: Clock = () => benchNow;
export const benchRegistry = createInvitationRegistry();

/** A shipped flow file (`flows/<file>`), parsed; throws when it does not parse. */
export function loadShippedFlow(file: string): Flow {
  const parsed = parseFlow(readFileSync(path.join(repoRoot, 'flows', file), 'utf8'), file);
  if (!parsed.ok) throw new Error(`${file} does not parse`);
  return parsed.flow;
}

/** A memory backend on the bench clock: the demo organisation unless another seed is given. */
export function createBenchBackend(seed: MemorySeedFactory = demoSeed, options?: MemoryBackendOptions): MemoryBackend {
  return createMemoryBackend(seed, benchClock, options);
}

/** Compiles `flow` against `backend` and drives a session from `input` through `moves`. */
export async function runShippedFlow(flow: Flow, backend: InvitationBackend, input: SessionInput, moves: readonly Move[] = []) {
  const compiled = compileFlow(flow, { registry: benchRegistry, backend, clock: benchClock });
  if (!compiled.ok) throw new Error(compiled.problems.map((problem) => problem.message).join('\n'));
  return driveSession(compiled.compiled, input, moves);
}
