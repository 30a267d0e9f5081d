// The diagnostics layer's public API: pure functions usable from the SPA, the widget, CLIs and a server.
export { checkAddress } from './checkAddress.ts';
export type { AddressCheck, AddressProblem } from './checkAddress.ts';
export { normalizeAddress } from './normalizeAddress.ts';
export type { NormalizedAddress } from './normalizeAddress.ts';
export { sameAddress } from './sameAddress.ts';
export { suggestDomain } from './suggestDomain.ts';
export { classifyDeliveryError } from './classifyDeliveryError.ts';
export type { DeliveryDiagnosis } from './classifyDeliveryError.ts';
export { deliveryActions } from './deliveryActions.ts';
export type { DeliveryAction } from './deliveryActions.ts';
export { deliveryCategories } from './deliveryCategories.ts';
export type { DeliveryCategory } from './deliveryCategories.ts';
