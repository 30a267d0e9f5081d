import { randomUUID } from 'node:crypto';
import { http, HttpResponse, passthrough, type HttpHandler } from 'msw';
import type { ProviderFault } from '../../../../support/describeIdentityConformance.ts';

/**
 * A stateful stand-in for the Cognito user-pool API as the AWS SDK v3 speaks it (AWS JSON 1.1:
 * `POST /` with `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`, a JSON body, dates
 * as epoch seconds, errors as `{ "__type": "<Name>Exception", "message": "…" }`). Shapes follow
 * the SDK's model types (UserType, AdminGetUserResponse, ListUsersResponse, UserPoolType).
 * Covers the operations the adapter uses, MessageAction RESEND and AdminResetUserPassword
 * included (what cognito-local lacks), ListUsers paging by PaginationToken, and one-shot faults.
 */
export interface CognitoFakeUser {
  Username: string;
  Attributes: { Name: string; Value: string }[];
  UserCreateDate: number;
  UserLastModifiedDate: number;
  Enabled: boolean;
  UserStatus: string;
  /** The temporary password the last invitation mail carried (the fake's stand-in for the link). */
  temporaryPassword: string | null;
}

export type CognitoFault = ProviderFault | 'rate_limited_no_header' | 'throttled_400';

export interface CognitoApiOptions {
  /** Where the SDK is pointed: an http://127.0.0.1 origin on a port where nothing listens (the `network` fault reaches it). */
  origin: string;
  userPoolId: string;
  temporaryPasswordDays?: number;
}

export interface CognitoApi {
  handlers: HttpHandler[];
  users: Map<string, CognitoFakeUser>;
  /** Every operation called, in order. */
  calls: string[];
  /** Mails Cognito "sent": the invitation and reset mails, with the temporary password or code. */
  mails: { to: string; kind: 'invitation' | 'password_reset'; secret: string }[];
  /** The next request answers with this failure. */
  fault(kind: CognitoFault): void;
  /** The next invitation mail (create or RESEND) fails with CodeDeliveryFailureException and this message; the user is still saved. */
  failNextDelivery(message: string): void;
  addUser(user: Partial<CognitoFakeUser> & { email: string }): CognitoFakeUser;
}

const target = 'AWSCognitoIdentityProviderService.';
const pageLimit = 60;
const json = { 'content-type': 'application/x-amz-json-1.1' };

class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export function createCognitoApi(options: CognitoApiOptions): CognitoApi {
  const users = new Map<string, CognitoFakeUser>();
  const calls: string[] = [];
  const mails: CognitoApi['mails'] = [];
  let nextFault: CognitoFault | null = null;
  let nextDeliveryFailure: string | null = null;
  const seconds = () => Date.now() / 1000;

  const findUser = (username: unknown): CognitoFakeUser => {
    const user = typeof username === 'string' ? users.get(username) : undefined;
    if (!user) throw new AwsError('UserNotFoundException', 'User does not exist.');
    return user;
  };
  const email = (user: CognitoFakeUser) => user.Attributes.find((entry) => entry.Name === 'email')?.Value ?? '';
  const userType = (user: CognitoFakeUser) => ({
    Username: user.Username,
    Attributes: user.Attributes,
    UserCreateDate: user.UserCreateDate,
    UserLastModifiedDate: user.UserLastModifiedDate,
    Enabled: user.Enabled,
    UserStatus: user.UserStatus,
  });
  const sendInvitation = (user: CognitoFakeUser) => {
    user.temporaryPassword = randomUUID().slice(0, 12);
    user.UserLastModifiedDate = seconds();
    if (nextDeliveryFailure !== null) {
      const message = nextDeliveryFailure;
      nextDeliveryFailure = null;
      throw new AwsError('CodeDeliveryFailureException', message);
    }
    mails.push({ to: email(user), kind: 'invitation', secret: user.temporaryPassword });
  };

  const operations: Record<string, (body: Record<string, unknown>) => Record<string, unknown>> = {
    DescribeUserPool: () => ({
      UserPool: {
        Id: options.userPoolId,
        Name: 'fake-pool',
        Policies: { PasswordPolicy: { MinimumLength: 8, TemporaryPasswordValidityDays: options.temporaryPasswordDays ?? 7 } },
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        CreationDate: seconds(),
      },
    }),
    ListUsers: (body) => {
      const limit = body.Limit === undefined ? pageLimit : Number(body.Limit);
      if (!Number.isInteger(limit) || limit < 0 || limit > pageLimit) throw new AwsError('InvalidParameterException', '1 validation error detected: Value at \'limit\' failed to satisfy constraint: Member must have value less than or equal to 60');
      const matches = parseFilter(body.Filter);
      const all = [...users.values()].filter(matches).sort((a, b) => a.UserCreateDate - b.UserCreateDate || a.Username.localeCompare(b.Username));
      const start = typeof body.PaginationToken === 'string' ? decodeToken(body.PaginationToken) : 0;
      const page = all.slice(start, start + limit);
      return { Users: page.map(userType), ...(start + limit < all.length ? { PaginationToken: encodeToken(start + limit) } : {}) };
    },
    AdminGetUser: (body) => {
      const user = findUser(body.Username);
      return { Username: user.Username, UserAttributes: user.Attributes, UserCreateDate: user.UserCreateDate, UserLastModifiedDate: user.UserLastModifiedDate, Enabled: user.Enabled, UserStatus: user.UserStatus };
    },
    AdminCreateUser: (body) => {
      const username = String(body.Username ?? '');
      const existing = users.get(username);
      if (body.MessageAction === 'RESEND') {
        const user = findUser(username);
        if (user.UserStatus !== 'FORCE_CHANGE_PASSWORD') throw new AwsError('UnsupportedUserStateException', 'Resend not possible. ' + username + ' status is not FORCE_CHANGE_PASSWORD.');
        sendInvitation(user);
        return { User: userType(user) };
      }
      if (existing) throw new AwsError('UsernameExistsException', 'User account already exists');
      const attributes = Array.isArray(body.UserAttributes) ? (body.UserAttributes as { Name: string; Value: string }[]) : [];
      const now = seconds();
      const user: CognitoFakeUser = {
        Username: username,
        Attributes: [{ Name: 'sub', Value: randomUUID() }, ...attributes],
        UserCreateDate: now,
        UserLastModifiedDate: now,
        Enabled: true,
        UserStatus: 'FORCE_CHANGE_PASSWORD',
        temporaryPassword: null,
      };
      const mediums = Array.isArray(body.DesiredDeliveryMediums) ? body.DesiredDeliveryMediums : ['SMS'];
      if (body.MessageAction !== 'SUPPRESS' && !mediums.includes('EMAIL')) throw new AwsError('InvalidParameterException', 'User has no attribute matching desired delivery mediums');
      users.set(username, user);
      if (body.MessageAction !== 'SUPPRESS') sendInvitation(user);
      return { User: userType(user) };
    },
    AdminResetUserPassword: (body) => {
      const user = findUser(body.Username);
      if (user.UserStatus === 'FORCE_CHANGE_PASSWORD') throw new AwsError('NotAuthorizedException', 'User password cannot be reset in the current state.');
      user.UserStatus = 'RESET_REQUIRED';
      user.UserLastModifiedDate = seconds();
      mails.push({ to: email(user), kind: 'password_reset', secret: randomUUID().slice(0, 6) });
      return {};
    },
    AdminDeleteUser: (body) => {
      const user = findUser(body.Username);
      users.delete(user.Username);
      return {};
    },
  };

  const handler = http.post(`${options.origin}/`, async ({ request }) => {
    const operation = (request.headers.get('x-amz-target') ?? '').replace(target, '');
    calls.push(operation);
    const fault = nextFault;
    nextFault = null;
    if (fault) return faultResponse(fault);
    if (!request.headers.get('authorization')?.startsWith('AWS4-HMAC-SHA256 ')) return awsError(new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 400));
    const run = operations[operation];
    if (!run) return awsError(new AwsError('UnknownOperationException', '', 400));
    try {
      const body = (await request.json()) as Record<string, unknown>;
      if (body.UserPoolId !== options.userPoolId) throw new AwsError('ResourceNotFoundException', `User pool ${String(body.UserPoolId)} does not exist.`);
      return HttpResponse.json(run(body), { headers: { ...json, 'x-amzn-requestid': randomUUID() } });
    } catch (thrown) {
      if (thrown instanceof AwsError) return awsError(thrown);
      throw thrown;
    }
  });

  return {
    handlers: [handler],
    users,
    calls,
    mails,
    fault: (kind) => {
      nextFault = kind;
    },
    failNextDelivery: (message) => {
      nextDeliveryFailure = message;
    },
    addUser: ({ email: address, ...fields }) => {
      const now = seconds();
      const user: CognitoFakeUser = {
        Username: address,
        Attributes: [
          { Name: 'sub', Value: randomUUID() },
          { Name: 'email', Value: address },
        ],
        UserCreateDate: now,
        UserLastModifiedDate: now,
        Enabled: true,
        UserStatus: 'CONFIRMED',
        temporaryPassword: null,
        ...fields,
      };
      users.set(user.Username, user);
      return user;
    },
  };
}

function awsError(error: AwsError): Response {
  return HttpResponse.json({ __type: error.type, message: error.message }, { status: error.status, headers: { ...json, 'x-amzn-errortype': `${error.type}:`, 'x-amzn-requestid': randomUUID() } });
}

function faultResponse(fault: CognitoFault): Response | ReturnType<typeof passthrough> {
  switch (fault) {
    case 'rate_limited':
      return HttpResponse.json({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }, { status: 429, headers: { ...json, 'retry-after': '7' } });
    case 'rate_limited_no_header':
      return HttpResponse.json({ __type: 'TooManyRequestsException', message: 'Rate exceeded' }, { status: 429, headers: json });
    case 'throttled_400':
      return awsError(new AwsError('TooManyRequestsException', 'Too many requests'));
    case 'unauthorized':
      return HttpResponse.json({ __type: 'NotAuthorizedException', message: 'The security token included in the request is invalid.' }, { status: 401, headers: json });
    case 'server_error':
      return HttpResponse.json({ __type: 'InternalErrorException', message: 'Internal error' }, { status: 500, headers: json });
    case 'malformed':
      return new HttpResponse('<html><body>502 Bad Gateway</body>', { status: 200, headers: json });
    case 'network':
      // Let the request through to the origin, where nothing listens: a real ECONNREFUSED from
      // the SDK's node:http handler (msw's HttpResponse.error() is a TypeError no real socket gives).
      return passthrough();
  }
}

/** ListUsers' filter language, as far as the adapter uses it: `attribute = "value"` and `^=` (prefix). */
function parseFilter(filter: unknown): (user: CognitoFakeUser) => boolean {
  if (typeof filter !== 'string' || filter.trim() === '') return () => true;
  const match = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  if (!match) throw new AwsError('InvalidParameterException', 'Invalid search filter');
  const [, name, operator, quoted] = match as unknown as [string, string, string, string];
  const value = quoted.replace(/\\(.)/g, '$1');
  const read = (user: CognitoFakeUser) => (name === 'cognito:user_status' ? user.UserStatus : name === 'username' ? user.Username : user.Attributes.find((entry) => entry.Name === name)?.Value);
  return (user) => {
    const actual = read(user);
    return actual !== undefined && (operator === '=' ? actual === value : actual.startsWith(value));
  };
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset, nonce: randomUUID() })).toString('base64');
}

function decodeToken(token: string): number {
  try {
    const offset = (JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { offset?: unknown }).offset;
    if (typeof offset === 'number') return offset;
  } catch {
    // fall through
  }
  throw new AwsError('InvalidParameterException', 'Invalid pagination token');
}
