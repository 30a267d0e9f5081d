import { ConfigError } from '../../config/loadConfig.ts';
import type { IdentityProvider } from '../IdentitySource.ts';

/** PLACEHOLDER until the Supabase adapter lands: refuses to start rather than pretend. */
export const supabaseIdentity: IdentityProvider<never> = {
  id: 'supabase',
  name: 'Supabase',
  settings: ['SUPABASE_URL', 'SUPABASE_SERVICE_ROLE_KEY'],
  readConfig() {
    throw new ConfigError('IDENTITY=supabase is not available in this build.');
  },
  create() {
    throw new ConfigError('IDENTITY=supabase is not available in this build.');
  },
};
