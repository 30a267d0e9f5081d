import { createActor } from 'xstate';
import { compileFlow, parseFlow, toSessionRecord, type FlowInput } from '../src/engine/index.ts';
import { createInvitationRegistry } from '../src/registry/index.ts';
import { createMemoryBackend } from '../src/adapters/index.ts';

export interface SessionMemory {
  transitions: number;
  heapGrowthKb: number;
  savedRecordKb: number;
  transcriptEntries: number;
}

/**
 * A session that walks two questions back and forth `transitions` times (each answer a step,
 * each step a transcript line), then: how much heap it holds, and how big its saved record is.
 * Needs `--expose-gc` for a steady heap reading; without it the figure includes garbage.
 */
export function measureSessionMemory(transitions: number): SessionMemory {
  const flow: FlowInput = {
    schemaVersion: 1,
    id: 'bench-loop',
    version: '1',
    title: 'bench.text',
    start: 'ping',
    steps: {
      ping: { kind: 'question', title: 'bench.text', options: [{ id: 'on', label: 'bench.text', next: 'pong' }, { id: 'stop', label: 'bench.text', next: 'done' }] },
      pong: { kind: 'question', title: 'bench.text', options: [{ id: 'on', label: 'bench.text', next: 'ping' }, { id: 'stop', label: 'bench.text', next: 'done' }] },
      done: { kind: 'outcome', result: 'resolved', title: 'bench.text' },
    },
  };
  const parsed = parseFlow(flow, 'bench-loop.json');
  if (!parsed.ok) throw new Error('bench flow invalid');
  const compiled = compileFlow(parsed.flow, { registry: createInvitationRegistry(), backend: createMemoryBackend() });
  if (!compiled.ok) throw new Error('bench flow did not compile');

  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const actor = createActor(compiled.compiled.machine, { input: { email: 'ana.invited@example.com' } }).start();
  for (let index = 0; index < transitions; index++) actor.send({ type: 'answer.select', optionId: 'on' });
  gc?.();
  const after = process.memoryUsage().heapUsed;
  const record = JSON.stringify(toSessionRecord(flow.id, compiled.compiled.hash, actor.getPersistedSnapshot(), Date.now()));
  const transcriptEntries = actor.getSnapshot().context.transcript.length;
  actor.stop();
  return { transitions, heapGrowthKb: Math.max(0, after - before) / 1024, savedRecordKb: record.length / 1024, transcriptEntries };
}
