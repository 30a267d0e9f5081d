import { describe, expect, it } from 'vitest';
import { matchSendingSideReply, sendingSideReplies, suggestedWaitMs } from '../../../../server/mail/smtp/sendingSideReplies.ts';

const reply = (code: number | null, enhancedCode: string | null, text: string, sender?: string) => ({ code, enhancedCode, text, ...(sender ? { sender } : {}) });
const reasonOf = (...args: Parameters<typeof reply>) => matchSendingSideReply(reply(...args))?.reason ?? null;

describe('the sending-side reply table', () => {
  it('has one row per meaning', () => {
    expect(sendingSideReplies.map((row) => row.reason)).toEqual(['auth_refused', 'sending_domain_unverified', 'sandbox_recipient', 'provider_rate_limited']);
  });

  it('row "authentication refused": 535, 530 and 5.7.8 are auth_refused, not retried', () => {
    expect(reasonOf(535, '5.7.8', '535 5.7.8 Authentication credentials invalid')).toBe('auth_refused');
    expect(reasonOf(530, '5.7.0', '530 5.7.0 Authentication required')).toBe('auth_refused');
    expect(matchSendingSideReply(reply(535, null, '535 Error: invalid login'))?.retry).toBe(false);
  });

  it('row "sending domain not verified": the provider has not verified our domain or our From address', () => {
    expect(reasonOf(550, null, '550 The domain is not verified. Please add and verify it first.')).toBe('sending_domain_unverified');
    expect(reasonOf(554, null, '554 Sender not verified')).toBe('sending_domain_unverified');
    expect(
      reasonOf(554, null, '554 Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: invitations@app.example.com', 'invitations@app.example.com'),
    ).toBe('sending_domain_unverified');
  });

  it('row "sandbox": an unverified recipient of a sandboxed account', () => {
    expect(
      reasonOf(554, null, '554 Message rejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: ana@customer.example', 'invitations@app.example.com'),
    ).toBe('sandbox_recipient');
    expect(reasonOf(550, null, '550 Your account is in sandbox mode: recipients must be authorised')).toBe('sandbox_recipient');
  });

  it('row "our quota or rate limit": our account, retried; a recipient over quota is not ours', () => {
    expect(reasonOf(454, null, '454 Throttling failure: Maximum sending rate exceeded.')).toBe('provider_rate_limited');
    expect(reasonOf(454, null, '454 Throttling failure: Daily message quota exceeded.')).toBe('provider_rate_limited');
    expect(reasonOf(421, '4.7.0', '421 4.7.0 Sending quota reached, try again in 30 seconds')).toBe('provider_rate_limited');
    expect(matchSendingSideReply(reply(454, null, '454 Too many messages, slow down'))?.retry).toBe(true);
    expect(reasonOf(452, '4.2.2', '452 4.2.2 The recipient mailbox is over quota')).toBeNull();
  });

  it('leaves replies about the recipient alone', () => {
    expect(reasonOf(550, '5.1.1', '550 5.1.1 <gus@example.com>: Recipient address rejected: User unknown')).toBeNull();
    expect(reasonOf(451, '4.7.1', '451 4.7.1 Greylisted, please try again later')).toBeNull();
  });

  it('reads a suggested wait from the reply', () => {
    expect(suggestedWaitMs('421 Sending quota reached, try again in 30 seconds')).toBe(30_000);
    expect(suggestedWaitMs('450 Rate limited; retry after 5 minutes')).toBe(300_000);
    expect(suggestedWaitMs('451 Greylisted')).toBeNull();
  });
});
