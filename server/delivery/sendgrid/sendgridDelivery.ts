import { ConfigError } from '../../config/loadConfig.ts';
import type { DeliveryProvider } from '../DeliverySource.ts';

/** PLACEHOLDER until the SendGrid evidence source lands: refuses to start rather than pretend. */
export const sendgridDelivery: DeliveryProvider<never> = {
  id: 'sendgrid',
  name: 'SendGrid',
  settings: ['SENDGRID_API_KEY'],
  readConfig() {
    throw new ConfigError('DELIVERY=sendgrid is not available in this build.');
  },
  create() {
    throw new ConfigError('DELIVERY=sendgrid is not available in this build.');
  },
};
