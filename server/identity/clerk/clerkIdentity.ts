import { ConfigError } from '../../config/loadConfig.ts';
import type { IdentityProvider } from '../IdentitySource.ts';

/** PLACEHOLDER until the Clerk adapter lands: refuses to start rather than pretend. */
export const clerkIdentity: IdentityProvider<never> = {
  id: 'clerk',
  name: 'Clerk',
  settings: ['CLERK_SECRET_KEY'],
  readConfig() {
    throw new ConfigError('IDENTITY=clerk is not available in this build.');
  },
  create() {
    throw new ConfigError('IDENTITY=clerk is not available in this build.');
  },
};
