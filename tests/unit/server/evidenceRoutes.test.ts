import type { KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import { maxEvidenceAddresses } from '../../../src/engine/InvitationBackend.ts';
import { readInvitationEvidence } from '../../../server/service/readInvitationEvidence.ts';
import { withFileTestServer } from '../../support/withFileTestServer.ts';
import { call, errorOf } from './securityHelpers.ts';

const file = withFileTestServer();

const evidence = (body: unknown, key: string | null = file.server.keys.admin) => call(file.server.url, 'POST', '/v1/evidence', { ...(key === null ? {} : { key }), body });

async function expectInvalid(body: unknown, message: RegExp) {
  const answer = await evidence(body);
  expect(answer.status, answer.text).toBe(400);
  expect(errorOf(answer)).toEqual({ kind: 'invalid_request', message: expect.stringMatching(message) });
}

describe('POST /v1/evidence', () => {
  it('refuses a caller without a key', async () => {
    const answer = await evidence({ emails: ['ana.invited@example.com'] }, null);
    expect(answer.status).toBe(401);
  });

  it('answers each address asked, normalised, in order', async () => {
    const answer = await evidence({ emails: ['Finn@Exampel.com', 'nobody@example.com'] });
    expect(answer.status, answer.text).toBe(200);
    const body = answer.json as { evidence: { email: string; deliveryEvents: { kind: string }[]; linkEvents: unknown[] }[] };
    expect(body.evidence.map((entry) => entry.email)).toEqual(['finn@exampel.com', 'nobody@example.com']);
    expect(body.evidence[0]?.deliveryEvents.map((event) => event.kind)).toContain('bounced');
    expect(body.evidence[1]).toEqual({ email: 'nobody@example.com', deliveryEvents: [], linkEvents: [] });
  });

  it('names a missing list, one that is not a list, and an empty one', async () => {
    await expectInvalid({}, /"emails"/);
    await expectInvalid({ emails: 'ana.invited@example.com' }, /must be a list/);
    await expectInvalid({ emails: [] }, /empty/);
  });

  it('says how many addresses were sent when there are more than 200', async () => {
    await expectInvalid({ emails: Array.from({ length: maxEvidenceAddresses + 1 }, (_, index) => `p${index}@example.com`) }, /201 addresses.*at most 200/);
  });

  it('names the entry that is not an address, or not a string, without repeating it', async () => {
    const answer = await evidence({ emails: ['ana.invited@example.com', 'secret-looking<value>'] });
    expect(errorOf(answer).message).toMatch(/^Entry 2 is not an address/);
    expect(answer.text).not.toContain('secret-looking');
    await expectInvalid({ emails: ['ana.invited@example.com', 42] }, /Entry 2 is not a string/);
  });

  it('refuses a body that is not an object', async () => {
    await expectInvalid(['ana.invited@example.com'], /Invalid request/);
  });

  it('gives a team manager empty lists for another team\'s address', async () => {
    const answer = await evidence({ emails: ['mo.teamb@example.com'] }, file.server.keys.managerA);
    expect(answer.json).toEqual({ evidence: [{ email: 'mo.teamb@example.com', deliveryEvents: [], linkEvents: [] }] });
    const asAdmin = (await evidence({ emails: ['mo.teamb@example.com'] })).json as { evidence: { deliveryEvents: unknown[] }[] };
    expect(asAdmin.evidence[0]?.deliveryEvents.length).toBeGreaterThan(0);
  });
});

describe('the own tables', () => {
  /** The service with a database that counts the statements it is sent. */
  const counted = () => {
    const statements: string[] = [];
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        statements.push(args.node.kind);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    return { statements, context: { ...file.server.service, db: file.server.service.db.withPlugin(counter) } };
  };
  const addresses = Array.from({ length: maxEvidenceAddresses }, (_, index) => (index === 0 ? 'finn@exampel.com' : `person${index}@example.com`));

  it('reads the evidence of 200 addresses in one query per table, one more for a manager\'s team', async () => {
    const admin = counted();
    const read = await readInvitationEvidence(admin.context, { keyId: null, role: { kind: 'admin' } }, addresses);
    expect(read.ok && read.value[0]?.deliveryEvents.length).toBeGreaterThan(0);
    expect(admin.statements).toEqual(['SelectQueryNode', 'SelectQueryNode']);
    const manager = counted();
    await readInvitationEvidence(manager.context, { keyId: null, role: { kind: 'team-manager', team: 'a' } }, addresses);
    expect(manager.statements).toEqual(['SelectQueryNode', 'SelectQueryNode', 'SelectQueryNode']);
  });

  it('asks nothing of the event tables when a manager may see none of the addresses', async () => {
    const manager = counted();
    const read = await readInvitationEvidence(manager.context, { keyId: null, role: { kind: 'team-manager', team: 'b' } }, ['finn@exampel.com']);
    expect(read).toEqual({ ok: true, value: [{ email: 'finn@exampel.com', deliveryEvents: [], linkEvents: [] }] });
    expect(manager.statements).toHaveLength(1);
  });
});
