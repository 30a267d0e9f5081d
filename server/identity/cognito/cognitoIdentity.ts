import { ConfigError } from '../../config/loadConfig.ts';
import type { IdentityProvider } from '../IdentitySource.ts';

/** PLACEHOLDER until the Amazon Cognito adapter lands: refuses to start rather than pretend. */
export const cognitoIdentity: IdentityProvider<never> = {
  id: 'cognito',
  name: 'Amazon Cognito',
  settings: ['COGNITO_USER_POOL_ID', 'AWS_REGION'],
  readConfig() {
    throw new ConfigError('IDENTITY=cognito is not available in this build.');
  },
  create() {
    throw new ConfigError('IDENTITY=cognito is not available in this build.');
  },
};
