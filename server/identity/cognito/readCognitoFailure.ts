import type { ProviderFailure } from '../../providers/mapProviderFailure.ts';

/**
 * The status the contract reads for a Cognito error code. Cognito answers almost every refusal
 * with HTTP 400 and says what it means in the error's name (`__type`), so the name decides and
 * the HTTP status only fills in for names not listed here (5xx stays 5xx).
 */
const statusByCode: Record<string, number> = {
  TooManyRequestsException: 429,
  LimitExceededException: 429,
  NotAuthorizedException: 403,
  AccessDeniedException: 403,
  UnrecognizedClientException: 403,
  InvalidSignatureException: 403,
  ExpiredTokenException: 403,
  MissingAuthenticationTokenException: 403,
  UserNotFoundException: 404,
  UsernameExistsException: 409,
  AliasExistsException: 409,
  UnsupportedUserStateException: 409,
};

/**
 * Codes whose AWS message is plain and holds no request data, so admins may see it. Others (the
 * signature errors quote the canonical request) are shown by name only.
 */
const safeMessageCodes = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'UserNotFoundException',
  'UsernameExistsException',
  'AliasExistsException',
  'UnsupportedUserStateException',
  'InvalidParameterException',
  'ResourceNotFoundException',
  'CodeDeliveryFailureException',
  'InternalErrorException',
]);

/**
 * Cognito sends no Retry-After of its own: when a throttling answer carries none, wait this long
 * (its quotas are per second, so a few seconds is enough; a proxy's own Retry-After wins).
 */
export const cognitoDefaultRetryAfterSeconds = 5;

interface SdkError {
  name?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: { statusCode?: unknown; headers?: Record<string, unknown> };
}

/**
 * Pulls status, Retry-After, code and a safe message out of an AWS SDK v3 service exception
 * (`$metadata.httpStatusCode`, `$response.headers`, its `name`). `null` for anything else: a
 * network failure, or a body the SDK could not parse (it throws a plain error then, so the
 * caller reads it as `malformed`).
 */
export function readCognitoFailure(thrown: unknown): ProviderFailure | null {
  if (typeof thrown !== 'object' || thrown === null) return null;
  const error = thrown as SdkError;
  // A service exception has `$fault`; a deserialisation failure carries `$metadata` but no `$fault`.
  if (error.$fault !== 'client' && error.$fault !== 'server') return null;
  const code = typeof error.name === 'string' && /^[A-Za-z]+$/.test(error.name) ? error.name : undefined;
  const httpStatus = typeof error.$metadata?.httpStatusCode === 'number' ? error.$metadata.httpStatusCode : typeof error.$response?.statusCode === 'number' ? error.$response.statusCode : undefined;
  const status = httpStatus !== undefined && httpStatus >= 500 ? httpStatus : ((code ? statusByCode[code] : undefined) ?? httpStatus);
  const failure: ProviderFailure = {};
  if (status !== undefined) failure.status = status;
  if (code !== undefined) failure.code = code;
  if (status === 429) failure.retryAfter = headerValue(error.$response?.headers, 'retry-after') ?? cognitoDefaultRetryAfterSeconds;
  if (code && safeMessageCodes.has(code) && typeof error.message === 'string' && error.message.trim() !== '') failure.message = error.message.trim();
  // A missing pool is a setting to fix, not a moment to wait for.
  if (code === 'ResourceNotFoundException') failure.message = `${failure.message ?? 'The user pool does not exist'}; check COGNITO_USER_POOL_ID and AWS_REGION`;
  return failure;
}

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | null {
  if (!headers) return null;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}
