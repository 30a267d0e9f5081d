import { z } from 'zod';
import { parseEnvironment } from '../../config/parseEnvironment.ts';
import type { IdentityProvider } from '../IdentitySource.ts';

/** How the server reaches one Cognito user pool. Credentials come from the AWS SDK's default chain. */
export interface CognitoConfig {
  /** `COGNITO_USER_POOL_ID`, e.g. `eu-west-1_AbCdEfGhI`. */
  userPoolId: string;
  /** `AWS_REGION`, e.g. `eu-west-1`. */
  region: string;
  /** `COGNITO_ENDPOINT`: another endpoint (cognito-local, a VPC endpoint); null for AWS's own. */
  endpoint: string | null;
  /** Attempts per SDK call, retries included (`COGNITO_MAX_ATTEMPTS`). @default 3 */
  maxAttempts: number;
  /** Most users `listInvitations` reads before it refuses (it must read the whole pool). @default 10000 */
  listCap: number;
  /** Explicit credentials, for tests only; never read from the environment here (the SDK's chain does that). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const schema = z.object({
  COGNITO_USER_POOL_ID: z.string({ error: 'required (the user pool id, such as eu-west-1_AbCdEfGhI)' }).regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'must look like <region>_<id>'),
  AWS_REGION: z.string({ error: 'required (the pool\'s region, such as eu-west-1)' }).regex(/^[a-z0-9-]+$/, 'must be a region name such as eu-west-1'),
  COGNITO_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).nullable(),
  COGNITO_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).nullable(),
});

/** Amazon Cognito user pools (`IDENTITY=cognito`): see docs/identity/cognito.md. */
export const cognitoIdentity: IdentityProvider<CognitoConfig> = {
  id: 'cognito',
  name: 'Amazon Cognito',
  settings: ['COGNITO_USER_POOL_ID', 'AWS_REGION', 'COGNITO_ENDPOINT', 'COGNITO_MAX_ATTEMPTS'],
  readConfig(env) {
    const parsed = parseEnvironment(schema, env);
    return {
      userPoolId: parsed.COGNITO_USER_POOL_ID,
      region: parsed.AWS_REGION,
      endpoint: parsed.COGNITO_ENDPOINT,
      maxAttempts: parsed.COGNITO_MAX_ATTEMPTS ?? 3,
      listCap: 10_000,
    };
  },
  async create(config, context) {
    // Loaded here so a server on another identity system never imports the AWS SDK.
    const { createCognitoSource } = await import('./createCognitoSource.ts');
    return createCognitoSource(config, context);
  },
};
