import { ConfigError } from '../../config/loadConfig.ts';
import type { IdentityProvider } from '../IdentitySource.ts';

/** PLACEHOLDER until the WorkOS adapter lands: refuses to start rather than pretend. */
export const workosIdentity: IdentityProvider<never> = {
  id: 'workos',
  name: 'WorkOS',
  settings: ['WORKOS_API_KEY'],
  readConfig() {
    throw new ConfigError('IDENTITY=workos is not available in this build.');
  },
  create() {
    throw new ConfigError('IDENTITY=workos is not available in this build.');
  },
};
