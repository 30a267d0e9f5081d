import { ConfigError } from '../../config/loadConfig.ts';
import type { IdentityProvider } from '../IdentitySource.ts';

/** PLACEHOLDER until the Firebase Authentication adapter lands: refuses to start rather than pretend. */
export const firebaseIdentity: IdentityProvider<never> = {
  id: 'firebase',
  name: 'Firebase Authentication',
  settings: ['FIREBASE_PROJECT_ID'],
  readConfig() {
    throw new ConfigError('IDENTITY=firebase is not available in this build.');
  },
  create() {
    throw new ConfigError('IDENTITY=firebase is not available in this build.');
  },
};
