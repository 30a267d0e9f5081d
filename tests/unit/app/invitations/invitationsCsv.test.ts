import { describe, expect, it } from 'vitest';
import { csvField, invitationsCsv } from '../../../../src/app/invitations/health/invitationsCsv.ts';
import type { DiagnosedInvitation, InvitationVerdict } from '../../../../src/registry/InvitationVerdict.ts';
import type { InvitedUser } from '../../../../src/engine/index.ts';

/** Echoes the key and its params, so the test sees which text went where. */
const text = (key: string) => `<${key.replace('invitations.', '')}>`;

function row(user: Partial<InvitedUser>, verdict: Partial<InvitationVerdict> = {}): DiagnosedInvitation {
  const email = user.email ?? 'ana@example.com';
  return {
    user: { id: 'u1', email, status: 'invited', invitedAt: null, lastSentAt: null, expiresAt: null, acceptedAt: null, setupCompleted: false, sso: false, team: 'a', ...user },
    domain: email.slice(email.indexOf('@') + 1),
    verdict: { cause: 'expired', needsAction: true, since: '2026-11-01T00:00:00.000Z', days: 19, delivery: null, suggestion: null, remedy: 'resend', ...verdict },
  };
}

function parse(csv: string): string[][] {
  // Enough of RFC 4180 for these rows: quoted fields, doubled quotes, CRLF between records.
  return csv
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"(?:,|$)/g)].map((match) => (match[1] ?? '').replaceAll('""', '"')));
}

describe('invitationsCsv', () => {
  it('writes a translated header and one record per row, every field quoted, CRLF line ends', () => {
    const csv = invitationsCsv([row({ email: 'ana@example.com', name: 'Ana' }), row({ id: 'u2', email: 'ben@corp.example' }, { days: null, since: null, remedy: null, needsAction: false, cause: 'in_flight' })], text);
    expect(csv.endsWith('\r\n')).toBe(true);
    const records = parse(csv);
    expect(records[0]).toEqual(['<csv.columns.email>', '<csv.columns.name>', '<csv.columns.status>', '<csv.columns.domain>', '<csv.columns.cause>', '<csv.columns.needsAction>', '<csv.columns.since>', '<csv.columns.days>', '<csv.columns.suggestion>', '<csv.columns.remedy>']);
    expect(records[1]).toEqual(['ana@example.com', 'Ana', '<status.invited>', 'example.com', '<causes.expired>', '<csv.yes>', '2026-11-01T00:00:00.000Z', '19', '', 'resend']);
    expect(records[2]).toEqual(['ben@corp.example', '', '<status.invited>', 'corp.example', '<causes.in_flight>', '<csv.no>', '', '', '', '']);
    expect(records).toHaveLength(3);
  });

  it('doubles quotes and keeps commas and line breaks inside one field', () => {
    expect(csvField('Ana "the boss", Jr.\nline')).toBe('"Ana ""the boss"", Jr.\nline"');
  });

  it.each(['=HYPERLINK("http://evil.example")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])('neutralises a formula in a name: %j', (name) => {
    const field = parse(invitationsCsv([row({ name })], text))[1]?.[1];
    expect(field).toBe(`'${name}`);
  });

  it('leaves ordinary text alone', () => {
    expect(csvField('Åsa Öberg')).toBe('"Åsa Öberg"');
    expect(csvField('')).toBe('""');
  });
});
