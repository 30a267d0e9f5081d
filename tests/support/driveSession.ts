import { createActor, waitFor } from 'xstate';
import { currentStep, type CompiledFlow, type SessionInput, type TranscriptEntry } from '../../src/engine/index.ts';

/**
 * What the person does at the next question, input or failed call: an option id, `{ input }`,
 * or `{ press }` (Try again / Continue without it). Info steps continue and waits are skipped by themselves.
 */
export type Move = string | { input: string } | { press: 'retry' | 'continue' };

/**
 * Plays a session like a person would: answers questions from `moves` in order, continues info
 * steps, skips waits, confirms side effects (`action.confirm`, the second press), and lets checks
 * and backend calls run. Stops at an outcome, a hand-over,
 * or the first question it has no move for. Throws when a call fails without a `{ press }` move for it.
 */
export async function driveSession(compiled: CompiledFlow, input: SessionInput, moves: readonly Move[] = []) {
  const queue = [...moves];
  const actor = createActor(compiled.machine, { input }).start();
  const at = () => currentStep(compiled.flow, actor.getSnapshot());
  for (let guard = 0; guard < 200; guard++) {
    await waitFor(actor, (snapshot) => !currentStep(compiled.flow, snapshot)?.running, { timeout: 2000 });
    const here = at();
    if (!here) throw new Error('the session is in no step');
    const snapshot = actor.getSnapshot();
    if (snapshot.hasTag('outcome') || snapshot.hasTag('jump')) break;
    if (here.failed) {
      const move = queue[0];
      if (typeof move !== 'object' || !('press' in move)) throw new Error(`${here.id} failed: ${JSON.stringify(snapshot.context.lastError)}`);
      queue.shift();
      actor.send({ type: move.press === 'retry' ? 'action.retry' : 'step.continue' });
      continue;
    }
    if (here.confirming) actor.send({ type: 'action.confirm' });
    else if (here.step.kind === 'info') actor.send({ type: 'step.continue' });
    else if (here.step.kind === 'wait') actor.send({ type: 'wait.skip' });
    else if (here.step.kind === 'question') {
      const move = queue.shift();
      if (move === undefined) break;
      if (typeof move !== 'string') throw new Error(`${here.id} is a question, but the next move is ${JSON.stringify(move)}`);
      actor.send({ type: 'answer.select', optionId: move });
      if (currentStep(compiled.flow, actor.getSnapshot())?.id === here.id) throw new Error(`${here.id} has no option "${move}"`);
    } else if (here.step.kind === 'input') {
      const move = queue.shift();
      if (move === undefined) break;
      if (typeof move !== 'object' || !('input' in move)) throw new Error(`${here.id} asks for input, but the next move is ${JSON.stringify(move)}`);
      actor.send({ type: 'input.submit', value: move.input });
    }
  }
  const snapshot = actor.getSnapshot();
  const transcript = snapshot.context.transcript;
  const steps = transcript.filter((entry): entry is Extract<TranscriptEntry, { type: 'step' }> => entry.type === 'step').map((entry) => entry.stepId);
  return {
    actor,
    snapshot,
    /** The step the session stopped at. */
    stoppedAt: at()?.id,
    /** Every step shown, in order; a side effect's confirmation screen is in `confirmed` instead. */
    shown: steps.filter((stepId) => compiled.flow.steps[stepId]?.kind !== 'action'),
    /** The side-effect steps confirmed (the second press), in order. */
    confirmed: steps.filter((stepId) => compiled.flow.steps[stepId]?.kind === 'action'),
    /** Every call made, in order. */
    calls: transcript.filter((entry): entry is Extract<TranscriptEntry, { type: 'call' }> => entry.type === 'call').map((entry) => entry.action),
    unusedMoves: queue,
  };
}
