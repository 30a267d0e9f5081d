import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../server/config/loadConfig.ts';
import { describeSmtp, loadMailConfig } from '../../../../server/config/loadMailConfig.ts';
import { defaultPolicy } from '../../../../src/engine/Policy.ts';

describe('loadMailConfig', () => {
  it('has no SMTP by default and sends from the policy sender as "Invite Doctor", bounces to bounces@ its domain', () => {
    const config = loadMailConfig({});
    expect(config.smtp).toBeNull();
    expect(config.from).toEqual({ address: defaultPolicy.senderAddress, name: 'Invite Doctor' });
    expect(config.bounceAddress).toBe('bounces@app.example.com');
    expect(config.messageIdHost).toBe('app.example.com');
    expect(config.retry).toEqual({ baseMs: 60_000, maxMs: 3_600_000, pollMs: 1_000, leaseMs: 120_000, firstAttemptWaitMs: 2_000 });
  });

  it('names the product when the policy has one', () => {
    expect(loadMailConfig({}, { senderAddress: 'a@b.example', productName: 'Acme Cloud' }).from).toEqual({ address: 'a@b.example', name: 'Acme Cloud' });
  });

  it('reads smtp:// with credentials, a relay unless SMTP_FINAL_HOP=1', () => {
    const config = loadMailConfig({ SMTP_URL: 'smtp://me%40x:s%3Acret@mail.example.net:2525', SMTP_FINAL_HOP: '1', SMTP_TIMEOUT_MS: '500' });
    expect(config.smtp).toEqual({ host: 'mail.example.net', port: 2525, secure: false, auth: { user: 'me@x', pass: 's:cret' }, finalHop: true, timeoutMs: 500 });
    expect(loadMailConfig({ SMTP_URL: 'smtps://relay.example.net' }).smtp).toMatchObject({ port: 465, secure: true, auth: null, finalHop: false });
    expect(loadMailConfig({ SMTP_URL: 'smtp://relay.example.net' }).smtp).toMatchObject({ port: 587, secure: false });
  });

  it('describes the SMTP server by host and port only', () => {
    const config = loadMailConfig({ SMTP_URL: 'smtp://me:topsecret@mail.example.net:2525' });
    expect(describeSmtp(config.smtp!)).toBe('SMTP (mail.example.net:2525)');
  });

  it('takes MAIL_FROM with a display name, and MAIL_BOUNCE_ADDRESS', () => {
    const config = loadMailConfig({ MAIL_FROM: 'Acme Team <team@acme.example>', MAIL_BOUNCE_ADDRESS: 'dsn@bounce.acme.example' });
    expect(config.from).toEqual({ address: 'team@acme.example', name: 'Acme Team' });
    expect(config.bounceAddress).toBe('dsn@bounce.acme.example');
    expect(config.messageIdHost).toBe('acme.example');
    expect(loadMailConfig({ MAIL_FROM: 'team@acme.example' }).bounceAddress).toBe('bounces@acme.example');
  });

  it('reads the back-off settings', () => {
    expect(loadMailConfig({ MAIL_RETRY_BASE_MS: '5', MAIL_RETRY_MAX_MS: '40', MAIL_POLL_MS: '10', MAIL_LEASE_MS: '1000', MAIL_FIRST_ATTEMPT_WAIT_MS: '0' }).retry).toEqual({ baseMs: 5, maxMs: 40, pollMs: 10, leaseMs: 1000, firstAttemptWaitMs: 0 });
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.net' }, /SMTP_URL/],
    [{ SMTP_URL: 'not a url' }, /SMTP_URL/],
    [{ MAIL_FROM: 'nobody' }, /MAIL_FROM/],
    [{ MAIL_BOUNCE_ADDRESS: 'x@' }, /MAIL_BOUNCE_ADDRESS/],
    [{ SMTP_FINAL_HOP: 'maybe' }, /SMTP_FINAL_HOP/],
    [{ MAIL_RETRY_BASE_MS: 'soon' }, /MAIL_RETRY_BASE_MS/],
    [{ MAIL_RETRY_BASE_MS: '100', MAIL_RETRY_MAX_MS: '10' }, /MAIL_RETRY_MAX_MS/],
  ])('refuses a bad setting, naming it (%j)', (env, message) => {
    expect(() => loadMailConfig(env)).toThrow(ConfigError);
    expect(() => loadMailConfig(env)).toThrow(message);
  });

  it('never repeats the SMTP URL (it may hold a password) in its error', () => {
    expect(() => loadMailConfig({ SMTP_URL: 'ftp://me:topsecret@host' })).toThrow(ConfigError);
    try {
      loadMailConfig({ SMTP_URL: 'ftp://me:topsecret@host' });
    } catch (error) {
      expect(String(error)).not.toContain('topsecret');
    }
  });
});
