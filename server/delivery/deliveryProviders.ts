import type { DeliveryProvider } from './DeliverySource.ts';

/** Every email provider `DELIVERY=<id>` can name, each loaded only when chosen (see `identityProviders`). */
export const deliveryProviders = {
  postmark: async () => (await import('./postmark/postmarkDelivery.ts')).postmarkDelivery,
  sendgrid: async () => (await import('./sendgrid/sendgridDelivery.ts')).sendgridDelivery,
  mailgun: async () => (await import('./mailgun/mailgunDelivery.ts')).mailgunDelivery,
  ses: async () => (await import('./ses/sesDelivery.ts')).sesDelivery,
} satisfies Record<string, () => Promise<DeliveryProvider<unknown>>>;

export type DeliveryProviderId = keyof typeof deliveryProviders;

export const deliveryProviderIds = Object.keys(deliveryProviders) as DeliveryProviderId[];
