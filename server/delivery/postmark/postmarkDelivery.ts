import { ConfigError } from '../../config/loadConfig.ts';
import type { DeliveryProvider } from '../DeliverySource.ts';

/** PLACEHOLDER until the Postmark evidence source lands: refuses to start rather than pretend. */
export const postmarkDelivery: DeliveryProvider<never> = {
  id: 'postmark',
  name: 'Postmark',
  settings: ['POSTMARK_SERVER_TOKEN'],
  readConfig() {
    throw new ConfigError('DELIVERY=postmark is not available in this build.');
  },
  create() {
    throw new ConfigError('DELIVERY=postmark is not available in this build.');
  },
};
