import { ConfigError } from '../../config/loadConfig.ts';
import type { IdentityProvider } from '../IdentitySource.ts';

/** PLACEHOLDER until the Auth0 adapter lands: refuses to start rather than pretend. */
export const auth0Identity: IdentityProvider<never> = {
  id: 'auth0',
  name: 'Auth0',
  settings: ['AUTH0_DOMAIN', 'AUTH0_CLIENT_ID', 'AUTH0_CLIENT_SECRET'],
  readConfig() {
    throw new ConfigError('IDENTITY=auth0 is not available in this build.');
  },
  create() {
    throw new ConfigError('IDENTITY=auth0 is not available in this build.');
  },
};
