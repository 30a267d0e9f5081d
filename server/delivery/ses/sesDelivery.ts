import { ConfigError } from '../../config/loadConfig.ts';
import type { DeliveryProvider } from '../DeliverySource.ts';

/** PLACEHOLDER until the Amazon SES evidence source lands: refuses to start rather than pretend. */
export const sesDelivery: DeliveryProvider<never> = {
  id: 'ses',
  name: 'Amazon SES',
  settings: ['AWS_REGION'],
  readConfig() {
    throw new ConfigError('DELIVERY=ses is not available in this build.');
  },
  create() {
    throw new ConfigError('DELIVERY=ses is not available in this build.');
  },
};
