import { describe, expect, it } from 'vitest';
import { composeMail, escapeHtml } from '../../../../server/mail/composeMail.ts';

const link = 'https://app.example.com/invite/abc?x=1&y=<2>';

describe('composeMail', () => {
  it('writes an English invitation by default, naming the product in the subject, with the link in both parts', () => {
    const mail = composeMail({ to: 'ana@example.com', purpose: 'invitation', link, expiresAt: new Date('2026-03-17T09:00:00Z') }, 'Acme');
    expect(mail.subject).toBe('Your invitation to Acme');
    expect(mail.text).toContain(`Accept the invitation: ${link}`);
    expect(mail.text).toContain('The link works until March 17, 2026 at 9:00 AM UTC.');
    expect(mail.html).toContain(`href="${escapeHtml(link)}"`);
    expect(mail.html).not.toContain('<2>');
  });

  it('falls back to English for a language it does not ship, and writes Swedish for sv', () => {
    expect(composeMail({ to: 'a@b.example', purpose: 'invitation', link, language: 'fi' }, 'Acme').subject).toBe('Your invitation to Acme');
    expect(composeMail({ to: 'a@b.example', purpose: 'invitation', link, language: 'sv-SE' }, 'Acme').subject).toBe('Din inbjudan till Acme');
  });

  it('writes an Arabic mail right to left, its expiry date and time zone as Arabic writes them', () => {
    const mail = composeMail({ to: 'a@b.example', purpose: 'invitation', link, language: 'ar', expiresAt: new Date('2026-03-17T09:00:00Z') }, 'Acme');
    expect(mail.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(mail.text).toContain(new Intl.DateTimeFormat('ar', { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' }).format(new Date('2026-03-17T09:00:00Z')));
    expect(composeMail({ to: 'a@b.example', purpose: 'invitation', link }, 'Acme').html).toMatch(/<html lang="en" dir="ltr">/);
  });

  it('says a resend’s earlier link no longer works', () => {
    const mail = composeMail({ to: 'a@b.example', purpose: 'invitation', link, resend: true }, 'Acme');
    expect(mail.subject).toBe('Your new invitation link for Acme');
    expect(mail.text).toContain('any earlier invitation link no longer works');
  });

  it('writes a password reset, pointing at "Forgot password" while there is no reset link', () => {
    const mail = composeMail({ to: 'a@b.example', purpose: 'password_reset', link: null, language: 'de' }, 'Acme');
    expect(mail.subject).toBe('Ihr Passwort für Acme zurücksetzen');
    expect(mail.text).toContain('„Passwort vergessen“');
    expect(mail.html).not.toContain('href=');
  });

  it('escapes every interpolated value in the HTML, the address too', () => {
    const mail = composeMail({ to: '"<script>"@example.com', purpose: 'invitation', link }, '<b>Acme</b>');
    expect(mail.html).not.toMatch(/<script>|<b>/);
    expect(mail.html).toContain('&lt;b&gt;Acme&lt;/b&gt;');
    expect(mail.html).toContain('&quot;&lt;script&gt;&quot;@example.com');
  });
});
