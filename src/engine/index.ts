export type { BackendError, BackendErrorKind, UnavailableCause } from './BackendError.ts';
export { backendErrorKinds, isBackendError } from './BackendError.ts';
export type { Result } from './Result.ts';
export { ok, err } from './Result.ts';
export type {
  InvitationBackend,
  Capability,
  CallOptions,
  InviteOptions,
  UserStatus,
  InvitedUser,
  SentInvite,
  InviteLink,
  SentPasswordReset,
  CancelledInvite,
  DeliveryEvent,
  DeliveryEventKind,
  InvitationFilter,
  InvitationPage,
  InvitationEvidence,
  SendingStatus,
  NotSentReason,
  LinkEvent,
  LinkEventKind,
  LinkRefusal,
} from './InvitationBackend.ts';
export { allCapabilities, notSentReasons, maxEvidenceAddresses } from './InvitationBackend.ts';
export type { BackendDescription } from './BackendDescription.ts';
export type { InvitationCursorKey } from './invitationCursor.ts';
export { encodeInvitationCursor, decodeInvitationCursor, compareInvitationKeys } from './invitationCursor.ts';
export type { Policy } from './Policy.ts';
export { defaultPolicy, createPolicy } from './Policy.ts';
export type { Clock } from './Clock.ts';
export { systemClock } from './Clock.ts';
export type {
  Flow,
  Step,
  StepKind,
  QuestionStep,
  InputStep,
  CheckStep,
  ActionStep,
  WaitStep,
  InfoStep,
  OutcomeStep,
  FlowJumpStep,
  FlowOption,
  GuardRef,
  ErrorEdges,
  FactName,
  OutcomeResult,
  FlowInput,
  StepInput,
  FlowEntryName,
} from './flowSchema.ts';
export { flowSchema, flowSchemaVersion } from './flowSchema.ts';
export type { FlowProblem, FlowProblemCode } from './FlowProblem.ts';
export { formatFlowProblem } from './FlowProblem.ts';
export type { ParseFlowResult } from './parseFlow.ts';
export { parseFlow } from './parseFlow.ts';
export type { ValidateOptions } from './validateFlow.ts';
export { validateFlow, checkWayOut } from './validateFlow.ts';
export { flowTextKeys } from './flowTextKeys.ts';
export type { ResolvedFlow, ResolveResult } from './resolveFlow.ts';
export { resolveFlow, requiredCapabilities } from './resolveFlow.ts';
export { flowCapabilities } from './flowCapabilities.ts';
export type { FlowEdge, EdgeVia } from './flowGraph.ts';
export { edgesOfStep, flowEdges, flowNodes, failedNodeId, stepOfNode, isTerminalStep, reachableNodes, groupEdgesByNode, describeEdgeVia, unroutedErrorKinds, hasFailedScreen } from './flowGraph.ts';
export type { FlowRegistry, FlowGuard, GuardArgs, GuardParams, FlowAction, ActionArgs, ActionOutput } from './FlowRegistry.ts';
export type { Facts, DeliveryFinding, SessionContext, SessionInput, TranscriptEntry, SessionEvent } from './SessionContext.ts';
export type { CompileOptions, CompiledFlow, CompileResult, FlowMachine } from './compileFlow.ts';
export { compileFlow } from './compileFlow.ts';
export { backTarget } from './sessionReducers.ts';
export { waitDeadline, lastSentAt } from './waitDeadline.ts';
export { resendPossibleAt, maxRetryAfterMs } from './resendPossibleAt.ts';
export type { SendingProblem } from './findSendingProblem.ts';
export { findSendingProblem, notSentCategory, senderSetupCategory } from './findSendingProblem.ts';
export { hashFlow } from './hashFlow.ts';
export type { SessionRecord, RestoreError, RestoreResult } from './sessionRecord.ts';
export { toSessionRecord, restoreSessionRecord } from './sessionRecord.ts';
export { settleInterruptedCall, interruptedCall } from './settleInterruptedCall.ts';
export type { CurrentStep } from './currentStep.ts';
export { currentStep } from './currentStep.ts';
export type { FlowPath, EnumerateOptions } from './enumeratePaths.ts';
export { enumeratePaths } from './enumeratePaths.ts';
export type { EscalationPacket, PacketNames, PacketOptions } from './createEscalationPacket.ts';
export { createEscalationPacket } from './createEscalationPacket.ts';
export { maskSecrets, maskSecretsDeep, redactAddress } from './maskSecrets.ts';
export type { AutomaticDiagnosis, AutomaticDiagnosisOptions, DiagnosedUser, DiagnosisStop, DiagnosisCall } from './runAutomaticDiagnosis.ts';
export { runAutomaticDiagnosis } from './runAutomaticDiagnosis.ts';
export type { SessionAnalyticsEvent, SessionInsights } from './SessionAnalytics.ts';
export { summarizeSessionEvents, defaultSessionIdleMs } from './summarizeSessionEvents.ts';
export { sessionAnalyticsEventSchema } from './sessionAnalyticsEventSchema.ts';
