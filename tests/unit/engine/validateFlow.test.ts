import { describe, expect, it } from 'vitest';
import { flowCapabilities, formatFlowProblem, parseFlow, validateFlow, type FlowProblem } from '../../../src/engine/index.ts';
import { createFlow, createTestRegistry } from '../../support/createFlow.ts';

const registry = createTestRegistry();
const validate = (flow: ReturnType<typeof createFlow>, extra: Partial<Parameters<typeof validateFlow>[1]> = {}) =>
  validateFlow(flow, { file: 'flows/broken.json', registry, ...extra });
const codes = (problems: FlowProblem[]) => problems.map((problem) => problem.code);

describe('parseFlow', () => {
  it('names the file and the step of a schema error', () => {
    const result = parseFlow(
      { schemaVersion: 1, id: 'x', version: '1', title: 't.x', start: 'a', steps: { a: { kind: 'question', title: 't.a', options: [] } } },
      'flows/x.json',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatFlowProblem(result.problems[0]!)).toMatch(/^flows\/x\.json: a: options: /);
  });

  it('reports text that is not JSON with the parser reason', () => {
    const result = parseFlow('{ "id": ', 'flows/cut.json');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(formatFlowProblem(result.problems[0]!)).toMatch(/^flows\/cut\.json: \(flow\): not valid JSON/);
  });

  it('refuses a step id with a dot, which would break machine targets', () => {
    const result = parseFlow({ schemaVersion: 1, id: 'x', version: '1', title: 't.x', start: 'a.b', steps: {} }, 'f.json');
    expect(result.ok).toBe(false);
  });

  it('refuses an unknown step kind and says which step', () => {
    const result = parseFlow(
      { schemaVersion: 1, id: 'x', version: '1', title: 't.x', start: 'a', steps: { a: { kind: 'teleport', title: 't.a' } } },
      'f.json',
    );
    expect(!result.ok && result.problems[0]?.step).toBe('a');
  });

  it('refuses prose where a translation key belongs', () => {
    const result = parseFlow(
      { schemaVersion: 1, id: 'x', version: '1', title: 't.x', start: 'a', steps: { a: { kind: 'outcome', result: 'resolved', title: 'All done!' } } },
      'f.json',
    );
    expect(!result.ok && formatFlowProblem(result.problems[0]!)).toMatch(/f\.json: a: title: a translation key/);
  });
});

describe('validateFlow', () => {
  it('accepts a well-formed flow', () => {
    const flow = createFlow({
      ask: { kind: 'question', options: [{ id: 'yes', label: 't.yes', next: 'done' }] },
      done: { kind: 'outcome', result: 'resolved' },
    });
    expect(validate(flow)).toEqual([]);
  });

  it('finds a target that does not exist', () => {
    const flow = createFlow({
      ask: { kind: 'question', options: [{ id: 'yes', label: 't.yes', next: 'nowhere' }] },
      done: { kind: 'outcome', result: 'resolved' },
    });
    const problems = validate(flow);
    expect(problems.map(formatFlowProblem)).toContain('flows/broken.json: ask: goes to "nowhere", which is not a step of this flow');
  });

  it('finds an unknown guard name', () => {
    const flow = createFlow({
      route: { kind: 'check', branches: [{ when: 'isMoonFull', next: 'done' }], otherwise: 'done' },
      done: { kind: 'outcome', result: 'resolved' },
    });
    expect(validate(flow).map(formatFlowProblem)).toEqual(['flows/broken.json: route: uses guard "isMoonFull", which is not registered']);
  });

  it('finds an unknown action name', () => {
    const flow = createFlow({
      call: { kind: 'action', action: 'launchRocket', next: 'done', errors: { other: 'done' } },
      done: { kind: 'outcome', result: 'resolved' },
    });
    expect(codes(validate(flow))).toEqual(['unknown-action']);
  });

  it('finds an action step without a generic error edge', () => {
    const flow = createFlow({
      call: { kind: 'action', action: 'noop', next: 'done' },
      done: { kind: 'outcome', result: 'resolved' },
    });
    expect(validate(flow).map(formatFlowProblem)).toEqual([
      'flows/broken.json: call: an action step needs errors.other, the step to go to when the call fails and the person gives up retrying',
    ]);
  });

  it('finds a Try again offered for a local action, whose answer cannot change', () => {
    const steps = (retry?: boolean) =>
      createFlow({
        apply: { kind: 'action', action: 'refuseLocally', next: 'done', errors: { other: 'gaveUp' }, ...(retry === undefined ? {} : { retry }) },
        done: { kind: 'outcome', result: 'resolved' },
        gaveUp: { kind: 'outcome', result: 'not-resolved' },
      });
    expect(validate(steps()).map(formatFlowProblem)).toEqual([
      'flows/broken.json: apply: "refuseLocally" is a local action: trying it again gives the same answer, so its failed screen would offer a Try again that cannot help; set "retry": false',
    ]);
    expect(codes(validate(steps(true)))).toEqual(['pointless-retry']);
    expect(validate(steps(false))).toEqual([]);
  });

  it('finds an unreachable step', () => {
    const flow = createFlow({
      ask: { kind: 'info', next: 'done' },
      done: { kind: 'outcome', result: 'resolved' },
      orphan: { kind: 'outcome', result: 'escalated' },
    });
    expect(validate(flow).map(formatFlowProblem)).toEqual(['flows/broken.json: orphan: no path from the start step leads here']);
  });

  it('finds a step with no way out', () => {
    const flow = createFlow({
      ask: { kind: 'question', options: [{ id: 'a', label: 't.a', next: 'loopA' }, { id: 'b', label: 't.b', next: 'done' }] },
      loopA: { kind: 'info', next: 'loopB' },
      loopB: { kind: 'info', next: 'loopA' },
      done: { kind: 'outcome', result: 'resolved' },
    });
    const problems = validate(flow);
    expect(codes(problems)).toEqual(['no-way-out', 'no-way-out']);
    expect(problems.map((problem) => problem.step).sort()).toEqual(['loopA', 'loopB']);
  });

  it('finds a step that loses its way out when a capability is missing', () => {
    const flow = createFlow({
      lookup: { kind: 'action', action: 'findUser', next: 'done', errors: { other: 'done' } },
      done: { kind: 'outcome', result: 'resolved' },
    });
    const problems = validate(flow);
    expect(problems.map(formatFlowProblem)).toEqual([
      'flows/broken.json: lookup: without lookup: needs lookup and has no "unsupported" step to go to without it',
    ]);
  });

  it('finds a question whose options all need a missing capability', () => {
    const flow = createFlow({
      ask: { kind: 'question', options: [{ id: 'copy', label: 't.copy', next: 'done', requires: ['copyLink'] }] },
      done: { kind: 'outcome', result: 'resolved' },
    });
    expect(codes(validate(flow))).toContain('no-options-left');
  });

  it('finds steps that redirect to each other when their capability is missing', () => {
    const flow = createFlow({
      first: { kind: 'action', action: 'findUser', next: 'done', errors: { other: 'done' }, unsupported: 'second' },
      second: { kind: 'action', action: 'findUser', next: 'done', errors: { other: 'done' }, unsupported: 'first' },
      done: { kind: 'outcome', result: 'resolved' },
    });
    expect(codes(validate(flow))).toContain('unsupported-cycle');
  });

  it('enumerates subsets only of the capabilities the flow depends on', () => {
    const flow = createFlow({
      ask: { kind: 'question', options: [{ id: 'copy', label: 't.copy', next: 'lookup', requires: ['copyLink'] }, { id: 'no', label: 't.no', next: 'done' }] },
      lookup: { kind: 'action', action: 'findUser', next: 'done', errors: { other: 'done' }, unsupported: 'done' },
      done: { kind: 'outcome', result: 'resolved' },
    });
    expect(flowCapabilities(flow, registry)).toEqual(['lookup', 'copyLink']);
    expect(validate(flow)).toEqual([]);
  });

  it('finds a duplicate option id', () => {
    const flow = createFlow({
      ask: { kind: 'question', options: [{ id: 'a', label: 't.a', next: 'done' }, { id: 'a', label: 't.b', next: 'done' }] },
      done: { kind: 'outcome', result: 'resolved' },
    });
    expect(codes(validate(flow))).toEqual(['duplicate-option']);
  });

  it('finds a jump to a flow that is not loaded', () => {
    const flow = createFlow({ jump: { kind: 'flow', flow: 'ghost-flow' } });
    expect(validate(flow, { knownFlows: ['test-flow'] }).map(formatFlowProblem)).toEqual([
      'flows/broken.json: jump: jumps to flow "ghost-flow", which is not loaded',
    ]);
  });

  it('finds a text missing in one locale', () => {
    const flow = createFlow({ done: { kind: 'outcome', result: 'resolved' } });
    const problems = validate(flow, { locales: { en: new Set(['t.flow', 't.done']), sv: new Set(['t.flow']) } });
    expect(problems.map(formatFlowProblem)).toEqual(['flows/broken.json: done: text "t.done" is missing in locale sv']);
  });
});

describe('validateFlow entries', () => {
  it('finds an entry pointing at a step that does not exist', () => {
    const flow = createFlow({ done: { kind: 'outcome', result: 'resolved' } }, { entries: { escalate: 'helpdesk' } });
    expect(validate(flow).map(formatFlowProblem)).toEqual(['flows/broken.json: (flow): entry "escalate" goes to "helpdesk", which is not a step of this flow']);
  });

  it('counts a step reached only through an entry as reachable', () => {
    const flow = createFlow(
      { first: { kind: 'info', next: 'done' }, done: { kind: 'outcome', result: 'resolved' }, escalate: { kind: 'outcome', result: 'escalated' } },
      { entries: { escalate: 'escalate' } },
    );
    expect(validate(flow)).toEqual([]);
  });
});

describe('parseFlow on odd step ids', () => {
  it('names an empty step id instead of printing nothing', () => {
    const result = parseFlow({ schemaVersion: 1, id: 'x', version: '1', title: 't.x', start: 'a', steps: { '': { kind: 'outcome', result: 'resolved', title: 't.a' } } }, 'f.json');
    expect(!result.ok && formatFlowProblem(result.problems[0]!)).toMatch(/^f\.json: \(empty step id ""\): /);
  });
});
