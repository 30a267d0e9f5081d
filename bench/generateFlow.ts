import type { FlowInput, StepInput } from '../src/engine/index.ts';

/**
 * A synthetic flow of exactly `size` steps with the shape real flows have: questions, checks,
 * backend calls with error edges, waits and info steps in a long chain, every step with a way
 * out to a shared outcome. Texts reuse one key so the benchmark measures the engine, not i18n.
 */
export function generateFlow(size: number): FlowInput {
  const steps: Record<string, StepInput> = {
    done: { kind: 'outcome', result: 'resolved', title: 'bench.text' },
    escalate: { kind: 'outcome', result: 'escalated', title: 'bench.text' },
  };
  const body = Math.max(1, size - 2);
  for (let index = 0; index < body; index++) {
    const id = `s${index}`;
    const next = index + 1 < body ? `s${index + 1}` : 'done';
    switch (index % 5) {
      case 0:
        steps[id] = { kind: 'question', title: 'bench.text', options: [{ id: 'go', label: 'bench.text', next }, { id: 'stop', label: 'bench.text', next: 'done' }] };
        break;
      case 1:
        steps[id] = { kind: 'check', branches: [{ when: 'hasEmail', next }], otherwise: 'escalate' };
        break;
      case 2:
        steps[id] = { kind: 'action', title: 'bench.text', action: 'findUser', next, errors: { not_permitted: 'escalate', other: 'escalate' }, unsupported: next };
        break;
      case 3:
        steps[id] = { kind: 'wait', title: 'bench.text', duration: { ms: 1000 }, next };
        break;
      default:
        steps[id] = { kind: 'info', title: 'bench.text', next };
    }
  }
  return { schemaVersion: 1, id: `bench-${size}`, version: '1', title: 'bench.text', start: 's0', steps };
}
