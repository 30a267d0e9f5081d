import { describe, expect, it } from 'vitest';
import { automatedUserAgents, matchAutomatedUserAgent } from '../../../../server/linkEvents/automatedUserAgents.ts';
import { isAutomatedRequest, scannerWindowSeconds } from '../../../../server/linkEvents/isAutomatedRequest.ts';

/** One user agent each entry of the table must recognise (as seen in access logs of link scanners). */
const samples: Record<string, string> = {
  'Microsoft Safe Links / Defender': 'Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/534+ (KHTML, like Gecko) BingPreview/1.0b',
  Proofpoint: 'Proofpoint URL Defense/2.0',
  Mimecast: 'Mozilla/5.0 (compatible; Mimecast URL Protect)',
  Barracuda: 'Barracuda Sentinel (EE)',
  'Cisco (IronPort, Secure Email)': 'Cisco-IronPort-URL-Checker/1.0',
  "Google's link checkers": 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
  'Link previews': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  curl: 'curl/8.5.0',
  Wget: 'Wget/1.21.4',
  'Scripted HTTP clients': 'python-requests/2.31.0',
  'Headless browsers': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
};

const people = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
];

describe('the table of automated user agents', () => {
  it('has a sample for every entry', () => {
    expect(automatedUserAgents.map((entry) => entry.name).sort()).toEqual(Object.keys(samples).sort());
  });

  it.each(Object.entries(samples))('recognises %s', (name, userAgent) => {
    expect(matchAutomatedUserAgent(userAgent)).toBe(name);
  });

  it.each(people)('takes %s for a person', (userAgent) => {
    expect(matchAutomatedUserAgent(userAgent)).toBeNull();
  });
});

describe('an automated request', () => {
  const person = { method: 'GET', userAgent: people[0] ?? '', acceptLanguage: 'de-DE,de;q=0.9' };

  it('is any HEAD, any request without a user agent, and any known scanner', () => {
    expect(isAutomatedRequest({ ...person, method: 'HEAD' }, null)).toBe(true);
    expect(isAutomatedRequest({ ...person, userAgent: null }, null)).toBe(true);
    expect(isAutomatedRequest({ ...person, userAgent: samples.Proofpoint ?? '' }, 3_600)).toBe(true);
  });

  it('is a GET within seconds of delivery that names no language (absent or *), not a later one', () => {
    expect(isAutomatedRequest({ ...person, acceptLanguage: null }, 2)).toBe(true);
    expect(isAutomatedRequest({ ...person, acceptLanguage: '*' }, scannerWindowSeconds)).toBe(true);
    expect(isAutomatedRequest({ ...person, acceptLanguage: null }, scannerWindowSeconds + 1)).toBe(false);
    expect(isAutomatedRequest({ ...person, acceptLanguage: null }, null)).toBe(false);
    expect(isAutomatedRequest(person, 2)).toBe(false);
  });
});
