import { allCapabilities, type BackendError } from '../../../../src/engine/index.ts';
import type { DemoOperation } from '../../../../src/app/appBackend.ts';
import type { DemoSetup, RouteFault } from '../../../support/findStepRoutes.ts';

export interface DemoQueryExtras {
  /** Replace the setup's faults (a scenario adds its own). */
  faults?: RouteFault[];
  /** Keep the n-th call of an operation under way (`?hold=`). */
  hold?: { operation: DemoOperation; call: number };
  /** @default 0 */
  latencyMs?: number;
}

/** The demo URL hooks (tests/e2e/README.md) that set the memory backend up as a route needs. */
export function demoQuery(setup: DemoSetup, extras: DemoQueryExtras = {}): string {
  const params = new URLSearchParams();
  params.set('latency', String(extras.latencyMs ?? 0));
  // The route finder's demo has no generated organisation (findStepRoutes): the app's must match.
  params.set('organisation', '0');
  if (setup.capabilities.length < allCapabilities.length) params.set('capabilities', setup.capabilities.join(',') || 'none');
  const policy = Object.entries(setup.policy).map(([key, value]) => `${key}:${String(value)}`);
  if (policy.length > 0) params.set('policy', policy.join(','));
  if (setup.delivery) params.set('delivery', setup.delivery);
  if (setup.links) params.set('links', setup.links);
  for (const fault of extras.faults ?? setup.faults) params.append('fault', faultParam(fault));
  if (extras.hold) params.set('hold', `${extras.hold.operation}:${extras.hold.call}`);
  return params.toString();
}

/** `<operation>:<kind>[:<detail>[:<status>]]`, as `?fault=` reads it. */
export function faultParam({ operation, error }: RouteFault): string {
  return [operation, error.kind, ...faultDetail(error)].join(':');
}

function faultDetail(error: BackendError): string[] {
  // A Retry-After that is not a number (NaN): `none`, as `?fault=` reads it.
  if (error.kind === 'rate_limited') return [Number.isNaN(error.retryAfterMs) ? 'none' : String(error.retryAfterMs)];
  if (error.kind === 'unavailable') return [error.cause, ...(error.status === undefined ? [] : [String(error.status)])];
  return [];
}
