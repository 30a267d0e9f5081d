import { describe, expect, it } from 'vitest';
import { maskSecrets, maskSecretsDeep } from '../../../src/engine/index.ts';

const token = 'Zk3QpL9sT2vX8yB4nM7cR1wE5uH0';

describe('maskSecrets: links', () => {
  it.each([
    [`https://app.example.com/invite/${token}`, 'https://app.example.com/•••'],
    [`https://app.example.com/invite/${token}/`, 'https://app.example.com/•••'],
    ['https://app.example.com/invite/abc', 'https://app.example.com/•••'],
    ['https://app.example.com/accept?token=abc123', 'https://app.example.com/•••'],
    ['https://app.example.com/accept?code=abc123&lang=de', 'https://app.example.com/•••'],
    ['https://app.example.com/a?t=xyz', 'https://app.example.com/•••'],
    ['https://app.example.com/#token=abc', 'https://app.example.com/•••'],
    ['https://app.example.com/sign-in#code=abc', 'https://app.example.com/•••'],
    ['http://localhost:5173/reset/abc', 'http://localhost:5173/•••'],
  ])('hides the token of %s', (link, masked) => {
    expect(maskSecrets(link)).toBe(masked);
    expect(maskSecrets(`Sent them ${link} in the chat.`)).toBe(`Sent them ${masked} in the chat.`);
  });

  it('keeps a host alone and sentence punctuation after a link', () => {
    expect(maskSecrets('see https://app.example.com/')).toBe('see https://app.example.com/');
    expect(maskSecrets('(https://app.example.com/invite/abc).')).toBe('(https://app.example.com/•••).');
  });

  it('hides credentials in a link', () => {
    const masked = maskSecrets('fetch https://admin:hunter2@api.example.com/v1/users');
    expect(masked).toBe('fetch https://•••@api.example.com/•••');
    expect(masked).not.toContain('hunter2');
    expect(maskSecrets('https://user@host.example')).toBe('https://•••@host.example');
  });

  it('catches links without a scheme', () => {
    expect(maskSecrets(`open app.example.com/invite/${token} please`)).toBe('open app.example.com/••• please');
    expect(maskSecrets('app.example.com/accept?token=abc')).toBe('app.example.com/•••');
    expect(maskSecrets('www.example.com/reset#t=abc.')).toBe('www.example.com/•••.');
  });
});

describe('maskSecrets: tokens and codes', () => {
  it('hides long random-looking runs standing alone', () => {
    expect(maskSecrets(`token ${token}`)).toBe('token Zk3Q•••');
    expect(maskSecrets('hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b')).toBe('hash 9f86•••');
    expect(maskSecrets('eyJhbGciOiJIUzI1NiJ9_abcDEF123-xyz')).toBe('eyJh•••');
  });

  it('hides token= and password: values outside links', () => {
    expect(maskSecrets('their token=abc and code=483920')).toBe('their token=••• and code=•••');
    expect(maskSecrets('password: hunter2')).toBe('password: •••');
    expect(maskSecrets('Authorization: Bearer sk_live_abc.def-123')).toBe('Authorization: Bearer •••');
  });

  it('does not mangle ordinary text, addresses or SMTP codes', () => {
    const ordinary = [
      'resend at 10:15, code 5.1.1',
      '550 5.1.1 <gus.nomailbox@example.com>: user unknown',
      'Diagnostic-Code: smtp; 550 5.7.1 Message rejected',
      'status code=550, reply 421 4.7.0 try again later',
      'The internationalization team said the token expired yesterday.',
      'checkDeliveryLogForBounces is a step; see mail.example.com for details',
      'anna.berg.longname.example2024@example.com asked twice',
      'reset password: done',
      'Version 1.2.3 on 2026-11-29, ticket #4521',
      'Ärger über 12 Einladungen — ja/nein?',
    ];
    for (const text of ordinary) expect(maskSecrets(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = maskSecrets(`https://u:p@app.example.com/invite/${token} token=abc ${token}`);
    expect(maskSecrets(once)).toBe(once);
  });

  it('masks every string of a structure and keeps its shape', () => {
    expect(maskSecretsDeep({ a: [`x https://h.example/i/${token}`, 3], b: { c: null, d: 'plain' } })).toEqual({ a: ['x https://h.example/•••', 3], b: { c: null, d: 'plain' } });
  });
});
