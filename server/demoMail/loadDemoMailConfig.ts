import { z } from 'zod';
import { defaultOrganisationSize, maxOrganisationSize } from '../../src/adapters/index.ts';
import { ConfigError } from '../config/loadConfig.ts';

export interface DemoMailConfig {
  /** Where both local SMTP servers listen. Always loopback: they take mail from anyone, without auth or TLS. */
  host: string;
  /** The demo world's receiving side (`DEMO_SMTP_PORT`, default 2525; 0 asks the OS). */
  sinkPort: number;
  /** The bounce receiver (`BOUNCE_SMTP_PORT`, default 2526; 0 asks the OS). */
  bouncePort: number;
  /** How long a greylisted sender must wait before its retry passes (`DEMO_GREYLIST_DELAY_MS`, default 30 s). */
  greylistDelayMs: number;
  /** How long after accepting a mail a relay that bounces later sends its notification (`DEMO_DSN_DELAY_MS`, default 5 s). */
  dsnDelayMs: number;
  /** How long the slow mailbox's server takes to answer (`DEMO_SLOW_REPLY_MS`, default 10 s). */
  slowReplyMs: number;
  /**
   * How many generated people the demo organisation adds to the seeded ones (`DEMO_ORGANISATION`,
   * 0 to 20,000; default 2,400, as in the in-browser demo), inserted when a fresh database is seeded.
   */
  organisation: number;
}

const port = z.coerce.number().int().min(0).max(65_535);
const duration = z.coerce.number().int().min(0).max(3_600_000);
const people = z.coerce.number().int().min(0).max(maxOrganisationSize);

/** Reads the demo mail world's settings from the environment; a bad value is a ConfigError naming it. */
export function loadDemoMailConfig(env: NodeJS.ProcessEnv): DemoMailConfig {
  const read = (name: string, schema: z.ZodType<number>, fallback: number, what: string): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new ConfigError(`${name} must be ${what}, got "${raw}"`);
    return parsed.data;
  };
  const portNumber = 'a port number (0 to 65535)';
  const milliseconds = 'a whole number of milliseconds (up to an hour)';
  return {
    host: '127.0.0.1',
    sinkPort: read('DEMO_SMTP_PORT', port, 2525, portNumber),
    bouncePort: read('BOUNCE_SMTP_PORT', port, 2526, portNumber),
    greylistDelayMs: read('DEMO_GREYLIST_DELAY_MS', duration, 30_000, milliseconds),
    dsnDelayMs: read('DEMO_DSN_DELAY_MS', duration, 5_000, milliseconds),
    slowReplyMs: read('DEMO_SLOW_REPLY_MS', duration, 10_000, milliseconds),
    organisation: read('DEMO_ORGANISATION', people, defaultOrganisationSize, 'a whole number of people (0 to 20000)'),
  };
}
