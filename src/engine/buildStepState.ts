import { assign, type AnyEventObject } from 'xstate';
import type { Step } from './flowSchema.ts';
import type { Clock } from './Clock.ts';
import type { Policy } from './Policy.ts';
import type { ActionOutput, FlowRegistry } from './FlowRegistry.ts';
import type { SessionContext, SessionEvent } from './SessionContext.ts';
import type { BackendError } from './BackendError.ts';
import { applyActionOutput, enterStep, recordAnswer, recordCall, recordError, recordInput, recordWaitEnd } from './sessionReducers.ts';
import { waitDeadline } from './waitDeadline.ts';

/** Machine id; targets are written `#flow.<stepId>` so they work from nested action states. */
export const machineId = 'flow';

export interface StepBuildContext {
  clock: Clock;
  policy: Policy;
  /** Tells which actions have a side effect (their steps wait for `action.confirm`). */
  registry: FlowRegistry;
}

// XState's config types are generic over the whole machine; a state built from data is checked
// by the flow validator and the path tests instead, so it is typed loosely here on purpose.
export type StateConfig = Record<string, unknown>;

type Args = { context: SessionContext; event: SessionEvent };
type DoneArgs = { context: SessionContext; event: AnyEventObject };
type ErrorArgs = { context: SessionContext; event: AnyEventObject };

const target = (stepId: string) => `#${machineId}.${stepId}`;

/** The XState state node for one step, one builder per step kind. */
export function buildStepState(id: string, step: Step, build: StepBuildContext): StateConfig {
  const now = build.clock;
  const enter = (visible: boolean) => assign(({ context }: Args) => enterStep(context, id, visible, now()));
  switch (step.kind) {
    case 'question':
      return {
        entry: enter(true),
        on: {
          'answer.select': step.options.map((option) => ({
            guard: ({ event }: Args) => event.type === 'answer.select' && event.optionId === option.id,
            target: target(option.next),
            actions: assign(({ context }: Args) => recordAnswer(context, id, option.id, now())),
          })),
        },
      };
    case 'input':
      return {
        entry: enter(true),
        on: {
          'input.submit': {
            guard: ({ event }: Args) => event.type === 'input.submit' && event.value.trim().length > 0,
            target: target(step.next),
            actions: assign(({ context, event }: Args) =>
              recordInput(context, id, step.field, event.type === 'input.submit' ? event.value : '', now()),
            ),
          },
        },
      };
    case 'info':
      return { entry: enter(true), on: { 'step.continue': { target: target(step.next) } } };
    case 'check':
      return {
        entry: enter(false),
        always: [
          ...step.branches.map((_, index) => ({ guard: { type: 'checkBranch', params: { step: id, index } }, target: target(step.branches[index]!.next) })),
          { target: target(step.otherwise) },
        ],
      };
    case 'action':
      return buildActionState(id, step, now, build.registry.actions[step.action]?.sideEffect === true);
    case 'wait':
      return {
        entry: [enter(true), assign(({ context }: Args) => ({ waitDeadline: waitDeadline(step, context, build.policy, now()) }))],
        invoke: { src: 'waitTimer', input: ({ context }: Args) => ({ deadline: context.waitDeadline ?? now() }) },
        on: {
          'wait.elapsed': { target: target(step.next), actions: assign(({ context }: Args) => recordWaitEnd(context, id, 'elapsed', now())) },
          ...(step.skippable
            ? { 'wait.skip': { target: target(step.next), actions: assign(({ context }: Args) => recordWaitEnd(context, id, 'skipped', now())) } }
            : {}),
        },
      };
    case 'outcome':
      return { entry: enter(true), tags: ['outcome', `outcome:${step.result}`] };
    case 'flow':
      return { entry: enter(true), tags: ['jump'] };
  }
}

/**
 * An action step runs its actor in `running`. A step whose action has a side effect starts in
 * `confirming` instead: a visible screen (on the trail, so Back leaves it like any other) that
 * calls only on `action.confirm`. A session restored there stays there; nothing is sent by itself.
 * Errors the flow names go straight to their step;
 * any other error lands in `failed`, where the person sees what happened and can Retry or move on
 * (`step.continue` follows `errors.other`) — or, for a step with `retry: false`, goes straight to
 * `errors.other`.
 */
function buildActionState(id: string, step: Extract<Step, { kind: 'action' }>, now: Clock, sideEffect: boolean): StateConfig {
  const mapped = Object.entries(step.errors ?? {}).filter(([kind, to]) => kind !== 'other' && to);
  const onError = assign(({ context, event }: ErrorArgs) => recordError(context, id, step.action, toBackendError(event.error), now()));
  const unrouted = step.retry === false && step.errors?.other ? target(step.errors.other) : 'failed';
  return {
    entry: assign(({ context }: Args) => enterStep(context, id, false, now())),
    initial: sideEffect ? 'confirming' : 'running',
    states: {
      ...(sideEffect
        ? {
            confirming: {
              entry: assign(({ context }: Args) => enterStep(context, id, true, now())),
              tags: ['confirming'],
              on: { 'action.confirm': { target: 'running' } },
            },
          }
        : {}),
      running: {
        entry: assign(({ context }: Args) => recordCall(context, id, step.action, now())),
        invoke: {
          src: step.action,
          input: ({ context }: Args) => ({ context }),
          onDone: {
            target: target(step.next),
            actions: assign(({ context, event }: DoneArgs) => applyActionOutput(context, id, step.action, event.output as ActionOutput, now())),
          },
          onError: [
            ...mapped.map(([kind, to]) => ({
              guard: ({ event }: ErrorArgs) => toBackendError(event.error).kind === kind,
              target: target(to as string),
              actions: onError,
            })),
            { target: unrouted, actions: onError },
          ],
        },
      },
      failed: {
        on: {
          'action.retry': { target: 'running' },
          ...(step.errors?.other ? { 'step.continue': { target: target(step.errors.other) } } : {}),
        },
      },
    },
  };
}

/** Anything an actor rejects with becomes a typed error; a bug must not reach the UI as a stack. */
export function toBackendError(error: unknown): BackendError {
  if (isKindObject(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'unavailable', cause: 'server', message };
}

function isKindObject(value: unknown): value is BackendError {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}
