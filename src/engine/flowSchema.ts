import { z } from 'zod';
import { allCapabilities } from './InvitationBackend.ts';

/**
 * The versioned data format of a flow file. Flows hold no prose: every text is a translation
 * key, every decision a named guard, every backend call a named action. `npm run flows:schema`
 * turns this into `flows/flow.schema.json` for editors.
 */
export const flowSchemaVersion = 1;

/** Step ids become XState state keys; a `.` would break targets, so the alphabet is narrow. */
export const stepIdSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'a step id starts with a letter and uses only letters, digits, _ and -');

export const textKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)+$/, 'a translation key is dotted words such as flows.x.title');

export const capabilitySchema = z.enum(allCapabilities as [string, ...string[]]);

const guardParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

/** A guard by name, with optional parameters: `"isUserActive"` or `{ "type": "hasDeliveryAction", "params": { "action": "fix-address" } }`. */
export const guardRefSchema = z.union([
  z.string().min(1),
  z.strictObject({ type: z.string().min(1), params: guardParamsSchema.optional() }),
]);

/** Facts a step asks the UI to show beside its text. */
export const factNameSchema = z.enum([
  'user',
  'delivery',
  'deliveryEvents',
  'addressSuggestion',
  'resend',
  'cooldown',
  'inviteLink',
  'passwordReset',
  'invited',
  'itTicket',
  'error',
  'sending',
  'sendingFix',
  'domainPeers',
]);

const stepBase = {
  title: textKeySchema,
  body: textKeySchema.optional(),
  /** Agent mode: what to say to the person on the call. */
  say: textKeySchema.optional(),
  /** Agent mode: what to check in the console. */
  check: textKeySchema.optional(),
  facts: z.array(factNameSchema).optional(),
  /** Capabilities the step needs; without them the step disappears and `unsupported` takes its place. */
  requires: z.array(capabilitySchema).optional(),
  unsupported: stepIdSchema.optional(),
};

export const optionSchema = z.strictObject({
  id: stepIdSchema,
  label: textKeySchema,
  hint: textKeySchema.optional(),
  next: stepIdSchema,
  /** The option is offered only when the backend has these capabilities. */
  requires: z.array(capabilitySchema).optional(),
});

export const questionStepSchema = z.strictObject({
  kind: z.literal('question'),
  ...stepBase,
  options: z.array(optionSchema).min(1),
});

export const inputStepSchema = z.strictObject({
  kind: z.literal('input'),
  ...stepBase,
  /** Which context field the answer fills. */
  field: z.enum(['email', 'correctedEmail']),
  label: textKeySchema,
  next: stepIdSchema,
});

export const checkStepSchema = z.strictObject({
  kind: z.literal('check'),
  ...stepBase,
  title: textKeySchema.optional(),
  branches: z.array(z.strictObject({ when: guardRefSchema, next: stepIdSchema })).min(1),
  otherwise: stepIdSchema,
});

/** Error edges of an action step: one per error kind the flow can act on, and `other` for the rest. */
export const errorEdgesSchema = z.strictObject({
  rate_limited: stepIdSchema.optional(),
  not_permitted: stepIdSchema.optional(),
  not_found: stepIdSchema.optional(),
  deactivated: stepIdSchema.optional(),
  conflict: stepIdSchema.optional(),
  unsupported: stepIdSchema.optional(),
  not_sent: stepIdSchema.optional(),
  unavailable: stepIdSchema.optional(),
  other: stepIdSchema.optional(),
});

export const actionStepSchema = z.strictObject({
  kind: z.literal('action'),
  ...stepBase,
  action: z.string().min(1),
  next: stepIdSchema,
  errors: errorEdgesSchema.optional(),
  /**
   * `false`: an error the step does not route goes straight to `errors.other`, with no failed
   * screen to Try again from. For a local action, whose answer a retry cannot change. @default true
   */
  retry: z.boolean().optional(),
});

/** A policy duration by name, or a fixed number of milliseconds. */
export const durationSchema = z.union([
  z.enum(['deliveryWindowMs', 'resendCooldownMs']),
  z.strictObject({ ms: z.number().int().nonnegative() }),
]);

export const waitStepSchema = z.strictObject({
  kind: z.literal('wait'),
  ...stepBase,
  duration: durationSchema,
  /** Count from when the last invitation went out, or from entering the step. */
  from: z.enum(['now', 'lastSent']).default('now'),
  skippable: z.boolean().default(true),
  next: stepIdSchema,
});

export const infoStepSchema = z.strictObject({
  kind: z.literal('info'),
  ...stepBase,
  next: stepIdSchema,
  continueLabel: textKeySchema.optional(),
});

export const outcomeStepSchema = z.strictObject({
  kind: z.literal('outcome'),
  ...stepBase,
  /** `waiting`: done on our side, waiting for the person (did the mail arrive?); the session stays resumable. */
  result: z.enum(['resolved', 'escalated', 'not-resolved', 'waiting']),
});

export const flowJumpStepSchema = z.strictObject({
  kind: z.literal('flow'),
  ...stepBase,
  flow: stepIdSchema,
});

export const stepSchema = z.discriminatedUnion('kind', [
  questionStepSchema,
  inputStepSchema,
  checkStepSchema,
  actionStepSchema,
  waitStepSchema,
  infoStepSchema,
  outcomeStepSchema,
  flowJumpStepSchema,
]);

export const flowSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(flowSchemaVersion),
  id: stepIdSchema,
  version: z.string().min(1),
  title: textKeySchema,
  description: textKeySchema.optional(),
  start: stepIdSchema,
  /**
   * Steps a session can be moved to from anywhere, by name: `escalate` (an agent presses E) and
   * `deliveryError` (an agent pastes a delivery error; the classified finding is added to the facts).
   */
  entries: z
    .strictObject({ escalate: stepIdSchema.optional(), deliveryError: stepIdSchema.optional() })
    .optional(),
  steps: z.record(stepIdSchema, stepSchema),
});

export type FlowEntryName = keyof NonNullable<z.infer<typeof flowSchema>['entries']>;

export type Flow = z.infer<typeof flowSchema>;
export type Step = z.infer<typeof stepSchema>;
export type StepKind = Step['kind'];
export type QuestionStep = z.infer<typeof questionStepSchema>;
export type InputStep = z.infer<typeof inputStepSchema>;
export type CheckStep = z.infer<typeof checkStepSchema>;
export type ActionStep = z.infer<typeof actionStepSchema>;
export type WaitStep = z.infer<typeof waitStepSchema>;
export type InfoStep = z.infer<typeof infoStepSchema>;
export type OutcomeStep = z.infer<typeof outcomeStepSchema>;
export type FlowJumpStep = z.infer<typeof flowJumpStepSchema>;
export type FlowOption = z.infer<typeof optionSchema>;
export type GuardRef = z.infer<typeof guardRefSchema>;
export type ErrorEdges = z.infer<typeof errorEdgesSchema>;
export type FactName = z.infer<typeof factNameSchema>;
export type OutcomeResult = OutcomeStep['result'];
/** A flow as written in a file, before defaults (`from`, `skippable`) are filled in. */
export type FlowInput = z.input<typeof flowSchema>;
export type StepInput = z.input<typeof stepSchema>;
