import { ConfigError } from '../../config/loadConfig.ts';
import type { DeliveryProvider } from '../DeliverySource.ts';

/** PLACEHOLDER until the Mailgun evidence source lands: refuses to start rather than pretend. */
export const mailgunDelivery: DeliveryProvider<never> = {
  id: 'mailgun',
  name: 'Mailgun',
  settings: ['MAILGUN_API_KEY', 'MAILGUN_DOMAIN'],
  readConfig() {
    throw new ConfigError('DELIVERY=mailgun is not available in this build.');
  },
  create() {
    throw new ConfigError('DELIVERY=mailgun is not available in this build.');
  },
};
