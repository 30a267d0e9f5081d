import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AdminCreateUserCommand, AdminDisableUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/engine/index.ts';
import { freshAddress } from '../support/describeIdentityConformance.ts';
import { runDoctorProcess, type DoctorRun } from '../support/runDoctorProcess.ts';
import { cognitoLocalBin, startCognitoLocal, type CognitoLocal } from '../support/startCognitoLocal.ts';

/**
 * The doctor command on a real configuration: `IDENTITY=cognito` with only environment variables,
 * against cognito-local running here, as a support person would run it. The process builds the
 * same backend the server would (its own embedded store for evidence, Cognito for users).
 */
const installed = existsSync(cognitoLocalBin);
if (!installed && !process.env.CI) console.warn('SKIPPED the doctor-on-cognito-local test: cognito-local is not installed (run npm ci)');

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
let local: CognitoLocal;
let userPoolId: string;
let dataDir: string;
const invited = freshAddress('doctor-invited');
const active = freshAddress('doctor-active');
const disabled = freshAddress('doctor-disabled');

interface JsonReport {
  backend?: unknown;
  results: { email: string; lookup: string; user: { status: string } | null; stop: { stepId: string }; conclusion: string | null }[];
}

function runDoctor(args: string[]): Promise<DoctorRun> {
  return runDoctorProcess(args, {
    INVITE_DOCTOR_DATA: dataDir,
    DATABASE_URL: '',
    DELIVERY: '',
    IDENTITY: 'cognito',
    COGNITO_USER_POOL_ID: userPoolId,
    AWS_REGION: 'local',
    COGNITO_ENDPOINT: local.endpoint,
    COGNITO_MAX_ATTEMPTS: '1',
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  });
}

describe.skipIf(!installed && !process.env.CI)('npm run doctor with IDENTITY=cognito (cognito-local)', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'doctor-cognito-'));
    // An hour back, as real users are: a just-mailed invitation would still be inside the delivery window.
    local = await startCognitoLocal({ clockOffsetMs: -3_600_000 });
    const admin = new CognitoIdentityProviderClient({ region: 'local', endpoint: local.endpoint, credentials, maxAttempts: 1 });
    const pool = await admin.send(new CreateUserPoolCommand({ PoolName: 'doctor', Policies: { PasswordPolicy: { MinimumLength: 8, TemporaryPasswordValidityDays: 7 } } }));
    userPoolId = pool.UserPool!.Id!;
    const attributes = (email: string) => [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ];
    await admin.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: invited, UserAttributes: attributes(invited), DesiredDeliveryMediums: ['EMAIL'] }));
    for (const email of [active, disabled]) {
      await admin.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: email, UserAttributes: attributes(email), MessageAction: 'SUPPRESS', TemporaryPassword: 'Temp-pass-1' }));
    }
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: active, Password: 'Real-pass-1', Permanent: true }));
    await admin.send(new AdminDisableUserCommand({ UserPoolId: userPoolId, Username: disabled }));
    admin.destroy();
  });

  afterAll(async () => {
    await local?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('diagnoses Cognito users from the environment alone and prints no secret', async () => {
    const nobody = freshAddress('doctor-nobody');
    const run = await runDoctor(['--json', invited, active, disabled, nobody]);
    // The AWS SDK's own notice that its 2027 releases need Node 22 is all stderr may hold.
    expect(run.stderr.replace(/\(node:\d+\) Warning: NodeVersionSupportWarning[\s\S]*?https:\/\/a\.co\/\S+\s*(\(Use `node --trace-warnings[^\n]*\n?)?/, '').trim()).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    const byEmail = new Map(report.results.map((result) => [result.email, result]));
    expect(byEmail.get(invited)).toMatchObject({ lookup: 'found', user: { status: 'invited' } });
    expect(['checkSpam', 'waitForDelivery']).toContain(byEmail.get(invited)?.stop.stepId);
    expect(byEmail.get(active)).toMatchObject({ user: { status: 'active' }, stop: { stepId: 'alreadyActive' } });
    expect(byEmail.get(disabled)).toMatchObject({ user: { status: 'deactivated' }, conclusion: 'not-resolved' });
    expect(byEmail.get(nobody)).toMatchObject({ lookup: 'not-found', stop: { stepId: 'notFound' } });
    expect(maskSecrets(run.stdout)).toBe(run.stdout);
    expect(run.stdout).not.toMatch(/AWS_SECRET_ACCESS_KEY|secretAccessKey/);
  });
});
