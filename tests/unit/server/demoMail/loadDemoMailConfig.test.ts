import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../server/config/loadConfig.ts';
import { loadDemoMailConfig } from '../../../../server/demoMail/loadDemoMailConfig.ts';

describe('loadDemoMailConfig', () => {
  it('defaults to loopback ports 2525 and 2526 and demo-second timings', () => {
    expect(loadDemoMailConfig({})).toEqual({ host: '127.0.0.1', sinkPort: 2525, bouncePort: 2526, greylistDelayMs: 30_000, dsnDelayMs: 5_000, slowReplyMs: 10_000, organisation: 2_400 });
  });

  it('reads the ports (0 asks the OS) and the timings from the environment', () => {
    expect(loadDemoMailConfig({ DEMO_SMTP_PORT: '0', BOUNCE_SMTP_PORT: '0', DEMO_GREYLIST_DELAY_MS: '50', DEMO_DSN_DELAY_MS: '10', DEMO_SLOW_REPLY_MS: '20' })).toMatchObject({ sinkPort: 0, bouncePort: 0, greylistDelayMs: 50, dsnDelayMs: 10, slowReplyMs: 20 });
  });

  it('refuses a bad value with a ConfigError naming the setting', () => {
    expect(() => loadDemoMailConfig({ DEMO_SMTP_PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadDemoMailConfig({ BOUNCE_SMTP_PORT: 'abc' })).toThrow(/BOUNCE_SMTP_PORT must be a port number/);
    expect(() => loadDemoMailConfig({ DEMO_DSN_DELAY_MS: '-1' })).toThrow(/DEMO_DSN_DELAY_MS/);
    expect(() => loadDemoMailConfig({ DEMO_ORGANISATION: '20001' })).toThrow(/DEMO_ORGANISATION must be a whole number of people/);
    expect(loadDemoMailConfig({ DEMO_ORGANISATION: '0' }).organisation).toBe(0);
  });
});
