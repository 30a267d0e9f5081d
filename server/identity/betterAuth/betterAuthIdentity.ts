import { ConfigError } from '../../config/loadConfig.ts';
import type { IdentityProvider } from '../IdentitySource.ts';

/** PLACEHOLDER until the better-auth adapter lands: refuses to start rather than pretend. */
export const betterAuthIdentity: IdentityProvider<never> = {
  id: 'better-auth',
  name: 'better-auth',
  settings: ['BETTER_AUTH_DATABASE_URL', 'BETTER_AUTH_SECRET', 'BETTER_AUTH_URL'],
  readConfig() {
    throw new ConfigError('IDENTITY=better-auth is not available in this build.');
  },
  create() {
    throw new ConfigError('IDENTITY=better-auth is not available in this build.');
  },
};
