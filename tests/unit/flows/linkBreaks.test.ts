import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { allCapabilities, createPolicy, ok, type Capability, type Flow, type InvitationBackend } from '../../../src/engine/index.ts';
import { createMemoryBackend, demoSeed, type MemoryBackend } from '../../../src/adapters/index.ts';
import { stepTextParams } from '../../../src/ui/stepTextParams.ts';
import { createI18n } from '../../../src/app/createI18n.ts';
import { unescapeText } from '../../../src/ui/unescapeText.ts';
import { repoRoot } from '../../../scripts/lib/loadProjectFiles.ts';
import type { Move } from '../../support/driveSession.ts';
import { benchClock, benchNow, createBenchBackend, loadShippedFlow, runShippedFlow } from '../../support/shippedFlowBench.ts';

/**
 * Issue 12, item 2: links that break for another reason than expiry, one test per branch, driven
 * through the shipped flows against the memory backend as an admin would click through them.
 */
const minute = 60_000;

const clock = benchClock;
const now = benchNow;
let backend: MemoryBackend;

beforeEach(() => {
  backend = createBenchBackend();
});


const linkExpired = loadShippedFlow('invite-link-expired.json');
const notReceived = loadShippedFlow('invite-not-received.json');

function run(flow: Flow, email: string, moves: Move[] = [], using: InvitationBackend = backend) {
  return runShippedFlow(flow, using, { email }, moves);
}

const languages = ['en', 'de', 'sv'] as const;
const i18n = createI18n({
  lng: 'en',
  resources: Object.fromEntries(
    languages.map((language) => [
      language,
      Object.fromEntries(['flows', 'diagnostics'].map((ns) => [ns, JSON.parse(readFileSync(path.join(repoRoot, 'locales', language, `${ns}.json`), 'utf8')) as Record<string, unknown>])),
    ]),
  ),
});
/** A step text as the app renders it: its namespace is the key's first segment (see useText). */
const textOf = (language: string, key: string, params: ReturnType<typeof stepTextParams>) => String(i18n.getFixedT(language, key.slice(0, key.indexOf('.')))(key, params));

/** Every text of the step the session stopped at, rendered with its facts in en, de and sv. */
function renderedTexts(flow: Flow, session: Awaited<ReturnType<typeof run>>): string[] {
  const step = session.stoppedAt ? flow.steps[session.stoppedAt] : undefined;
  const keys = JSON.stringify(step ?? {}).match(/(?:flows|diagnostics)\.[A-Za-z0-9_.-]+/g) ?? [];
  return languages.flatMap((language) => {
    const params = stepTextParams(session.snapshot.context, createPolicy(), language, now);
    return keys.map((key) => {
      const text = unescapeText(textOf(language, key, params));
      expect(text, `${language}: ${key}`).not.toBe(key);
      return text;
    });
  });
}

/** The same memory backend with some capabilities switched off. */
function without(...missing: Capability[]): MemoryBackend {
  return createMemoryBackend(demoSeed, clock, { capabilities: allCapabilities.filter((capability) => !missing.includes(capability)) });
}

/** A backend whose resend answers with an expiry that has already passed. */
function withStaleResend(inner: MemoryBackend): InvitationBackend {
  return {
    ...inner,
    resendInvite: async (userId, options) => {
      const result = await inner.resendInvite(userId, options);
      return result.ok ? ok({ ...result.value, expiresAt: new Date(now - minute).toISOString() }) : result;
    },
  };
}

describe('invite-link-expired: a link scanner spent the token', () => {
  it('reads the scanner from the link events instead of asking, and hands over a fresh link outside email', async () => {
    const session = await run(linkExpired, 'nils@gatekeep.example', ['copyLink', 'worked']);
    expect(session.shown).not.toContain('askWhatHappened');
    expect(session.shown).toEqual(expect.arrayContaining(['scannerSeen', 'scannerFix', 'scannerLinkReady', 'afterScannerLink', 'resolved']));
    expect(session.calls).toEqual(['findUser', 'loadSendingStatus', 'loadLinkEvents', 'getInviteLink']);
    expect(session.snapshot.hasTag('outcome:resolved')).toBe(true);
    // The advice names the seconds the backend saw and the link origin their IT exempts.
    const params = stepTextParams(session.snapshot.context, createPolicy(), 'en', now);
    expect(params.linkRefusedAfter).toBe('6 seconds');
    expect(params.linkOrigin).toBe('https://app.example.com');
  });

  it('never sends another email into the scanner while their IT has not exempted our links', async () => {
    const session = await run(linkExpired, 'nils@gatekeep.example', ['waitingForIt']);
    expect(session.stoppedAt).toBe('waitingOnIt');
    expect(session.calls).not.toContain('resendInvite');
    const texts = renderedTexts(linkExpired, session).join('\n');
    expect(texts).toContain('https://app.example.com');
    expect(texts).not.toContain('—');
  });

  it('says what their IT exempts without a dash when neither the sending status nor a copied link names the origin', async () => {
    for (const moves of [[], ['waitingForIt']] as Move[][]) {
      const session = await run(linkExpired, 'nils@gatekeep.example', moves, without('sendingStatus'));
      expect(session.stoppedAt).toBe(moves.length ? 'waitingOnIt' : 'scannerFix');
      expect(session.calls).not.toContain('loadSendingStatus');
      const texts = renderedTexts(linkExpired, session);
      expect(texts.join('\n')).not.toContain('—');
      // Each language's own words for "this product's web address", in place of the origin.
      for (const [language, words] of [['en', "this product's web address"], ['de', 'die Webadresse dieses Produkts'], ['sv', 'den här produktens webbadress']]) {
        const body = textOf(language as string, `diagnostics.linkExpired.${session.stoppedAt}.body`, stepTextParams(session.snapshot.context, createPolicy(), language as string, now));
        expect(body, language).toContain(words);
      }
    }
  });

  it('names the seconds and the origin in the scanner advice, in every language', async () => {
    const seen = await run(linkExpired, 'nils@gatekeep.example', []);
    expect(seen.stoppedAt).toBe('scannerFix');
    const texts = renderedTexts(linkExpired, seen).join('\n');
    expect(texts).not.toContain('—');
    expect(texts).toContain('https://app.example.com');
    const t = (language: (typeof languages)[number]) => i18n.getFixedT(language, 'flows')('flows.linkExpired.scannerSeen.body', stepTextParams(seen.snapshot.context, createPolicy(), language, now));
    expect(t('en')).toContain('6 seconds');
    expect(t('de')).toContain('6 Sekunden');
    expect(t('sv')).toContain('6 sekunder');
  });

  it('sends a new invitation once their IT has exempted our links', async () => {
    const session = await run(linkExpired, 'nils@gatekeep.example', ['itExempted', 'worked']);
    expect(session.shown).toEqual(expect.arrayContaining(['scannerFix', 'resent', 'afterResent', 'resolved']));
    expect(session.calls).toContain('resendInvite');
  });

  it('asks whether it was the first click when the backend keeps no link events, and suspects a scanner on "it says already used"', async () => {
    const session = await run(linkExpired, 'ana.invited@example.com', ['saysUsed', 'firstClick'], without('linkEvents'));
    expect(session.shown).toEqual(['askWhatHappened', 'askFirstClick', 'scannerSuspected', 'scannerFix']);
    expect(session.calls).not.toContain('loadLinkEvents');
  });

  it('treats "it says expired" on the only invitation ever sent as a possible scanner, never as an older email', async () => {
    const session = await run(linkExpired, 'ana.invited@example.com', ['saysExpired', 'firstClick']);
    expect(session.shown).toEqual(['askWhatHappened', 'askFirstClick', 'scannerSuspected', 'scannerFix']);
    expect(session.shown).not.toContain('compareToken');
  });

  it('sends a link someone really opened before to the fresh invitation', async () => {
    const session = await run(linkExpired, 'ana.invited@example.com', ['saysUsed', 'openedBefore', 'worked']);
    expect(session.shown).toEqual(expect.arrayContaining(['askFirstClick', 'usedUp', 'resent', 'resolved']));
  });
});

describe('invite-link-expired: comparing links only when there is an older one', () => {
  it('compares links when "it says expired" and more than one invitation went out', async () => {
    const user = await backend.findUser('ana.invited@example.com');
    if (!user.ok || !user.value) throw new Error('ana is seeded');
    expect((await backend.resendInvite(user.value.id)).ok).toBe(true);
    const session = await run(linkExpired, 'ana.invited@example.com', ['saysExpired', 'works']);
    expect(session.shown).toEqual(['askWhatHappened', 'compareToken', 'afterCompare', 'resolved']);
  });

  it('does not ask to compare links on "not sure" when only one invitation was sent: it sends a fresh one', async () => {
    const session = await run(linkExpired, 'ana.invited@example.com', ['notSure', 'worked']);
    expect(session.shown).not.toContain('compareToken');
    expect(session.calls).toContain('resendInvite');
  });
});

describe('invite-link-expired: opened while signed in as someone else', () => {
  it('reads the wrong account from the link events and says to sign out and open it again', async () => {
    const session = await run(linkExpired, 'olga.otheraccount@example.com', ['works']);
    expect(session.shown).toEqual(['otherAccount', 'resolved']);
    expect(session.calls).not.toContain('resendInvite');
  });

  it('offers the same advice when the person says it opens someone else\'s account', async () => {
    const session = await run(linkExpired, 'ana.invited@example.com', ['otherAccount', 'stillWrong']);
    expect(session.shown).toEqual(['askWhatHappened', 'otherAccount', 'escalate']);
  });
});

describe('invite-link-expired: the link points at the wrong host', () => {
  it.each(['http://localhost:3000', 'http://127.0.0.1:8080', 'https://staging.app.example.com', 'http://app.internal'])(
    'stops at a configuration fix for whoever runs the product when links point at %s',
    async (origin) => {
      backend.setSending({ linkOrigin: origin });
      const session = await run(linkExpired, 'ana.invited@example.com');
      expect(session.stoppedAt).toBe('wrongHost');
      expect(session.snapshot.hasTag('outcome:not-resolved')).toBe(true);
      expect(session.calls).toEqual(['findUser', 'loadSendingStatus']);
      expect(stepTextParams(session.snapshot.context, createPolicy(), 'en', now).linkOrigin).toBe(new URL(origin).origin);
      const texts = renderedTexts(linkExpired, session);
      // The title of each language names the origin found.
      for (const text of texts.filter((_, index) => index % 2 === 0)) expect(text).toContain(new URL(origin).origin);
      expect(texts.join('\n')).toContain('APP_URL');
    },
  );

  it('gives the page-does-not-load advice when the link host is a public one', async () => {
    const session = await run(linkExpired, 'ana.invited@example.com', ['pageNotLoading', 'works']);
    expect(session.shown).toEqual(['askWhatHappened', 'pageNotLoading', 'resolved']);
  });

  it('still asks what the page says when the backend cannot tell where links point', async () => {
    const session = await run(linkExpired, 'ana.invited@example.com', ['pageNotLoading', 'stillBroken'], without('sendingStatus'));
    expect(session.shown).toEqual(['askWhatHappened', 'pageNotLoading', 'escalate']);
  });
});

describe('a resend that returns an expiry already in the past', () => {
  it('invite-link-expired: cancels and invites again, never "resent, all good"', async () => {
    const session = await run(linkExpired, 'cara.expired@example.com', [], withStaleResend(backend));
    expect(session.shown).toEqual(expect.arrayContaining(['expiredForReal', 'resendExpiredAlready', 'reinvited', 'afterResent']));
    expect(session.shown).not.toContain('resent');
    expect(session.calls).toEqual(['findUser', 'resendInvite', 'cancelInvite', 'inviteUser']);
    const invited = await backend.findUser('cara.expired@example.com');
    expect(invited.ok && invited.value?.expiresAt && Date.parse(invited.value.expiresAt) > now).toBe(true);
  });

  it('invite-not-received: cancels and invites again after the resend', async () => {
    const session = await run(notReceived, 'cara.expired@example.com', [], withStaleResend(backend));
    expect(session.shown).toEqual(expect.arrayContaining(['inviteExpired', 'resendExpiredAlready', 'reinvited']));
    expect(session.shown).not.toContain('resent');
    expect(session.calls).toEqual(['findUser', 'resendInvite', 'cancelInvite', 'inviteUser']);
  });

  it('invite-not-received: a resend with a future expiry is still just "resent"', async () => {
    const session = await run(notReceived, 'cara.expired@example.com');
    expect(session.shown).toContain('resent');
    expect(session.shown).not.toContain('resendExpiredAlready');
  });
});
