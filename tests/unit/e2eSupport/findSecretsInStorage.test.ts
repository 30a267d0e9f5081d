// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { findSecretsInStorage, type StorageEntry } from '../../e2e/support/findSecretsInStorage.ts';

const origin = 'http://127.0.0.1:5173';
const entry = (name: string, value: string): StorageEntry => ({ origin, name, value });
const session = (note: string) => entry('invite-doctor:session:abc', JSON.stringify({ flowId: 'main', notes: [note], facts: { email: 'ana@example.com' } }));

describe('the e2e localStorage secret check', () => {
  it('passes a saved session and settings that hold nothing secret', () => {
    expect(
      findSecretsInStorage([
        session('Called Ana; link at https://app.example.com/•••, code 550 5.1.1'),
        entry('invite-doctor:settings', JSON.stringify({ state: { language: 'de', theme: 'dark' }, version: 2 })),
        entry('i18nextLng', 'en-GB'),
      ]),
    ).toEqual([]);
  });

  it('fails on an API key anywhere in localStorage, and on an entry under the API key’s sessionStorage name', () => {
    const findings = findSecretsInStorage([entry('something-else', 'idk_Zm9vYmFyYmF6cXV4cXV1eA'), entry('invite-doctor.api-key', 'whatever')]);
    expect(findings.map((finding) => finding.kind)).toEqual(['api-key', 'api-key-entry']);
    expect(findings[0]?.excerpt).not.toContain('Zm9vYmFyYmF6');
  });

  it('fails on a memory-backend or server invite link with its token, in a note or a pasted text', () => {
    const memoryLink = 'https://app.example.com/invite/q3Xv9kL0aBcDeFgHiJkLmNoPqRsTuVwX';
    const serverLink = 'http://127.0.0.1:8787/invite/3bJ8sZkQ0yP1xW2vU4tS6rQ8pO0nM2lK4jI6hG8fE0d';
    const findings = findSecretsInStorage([session(`sent them ${memoryLink}`), entry('invite-doctor:session:def', `{"pasted":"${serverLink}"}`)]);
    expect(findings.map((finding) => finding.kind)).toEqual(['invite-link', 'invite-link']);
    for (const finding of findings) expect(finding.excerpt).not.toMatch(/q3Xv9kL0|3bJ8sZkQ/);
  });

  it('fails on a sign-in code, from a sign-in link or as a code a test saw', () => {
    expect(findSecretsInStorage([session('http://127.0.0.1:4000/sign-in#code=Tq1Wc9Zx0Yv8Ub7Ta6Sb5Rc4')]).map((finding) => finding.kind)).toEqual(['sign-in-code']);
    const seen = 'Kx7Lm2Np9Qr4St6Uv8Wx0Yz';
    expect(findSecretsInStorage([entry('other-app', `last: ${seen}`)], [seen]).map((finding) => finding.kind)).toEqual(['known-secret']);
  });

  it('fails on any value under invite-doctor: that maskSecrets would change (a password, a token parameter)', () => {
    const findings = findSecretsInStorage([session('their password: Hunter2024'), session('?token=abc')]);
    expect(findings.map((finding) => finding.kind)).toEqual(['unmasked', 'unmasked']);
    // Other apps' keys are not held to the masking rule, only to the secret shapes above.
    expect(findSecretsInStorage([entry('other-app', 'password: Hunter2024')])).toEqual([]);
  });
});
