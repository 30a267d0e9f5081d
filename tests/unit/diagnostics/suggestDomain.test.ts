// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { suggestDomain } from '../../../src/diagnostics/index.ts';
import { editDistance } from '../../../src/diagnostics/editDistance.ts';

describe('suggestDomain', () => {
  const typos: [string, string][] = [
    ['gmial.com', 'gmail.com'],
    ['gmai.com', 'gmail.com'],
    ['gmal.com', 'gmail.com'],
    ['gnail.com', 'gmail.com'],
    ['gmaill.com', 'gmail.com'],
    ['hotmial.com', 'hotmail.com'],
    ['hotmal.com', 'hotmail.com'],
    ['yaho.com', 'yahoo.com'],
    ['yahooo.com', 'yahoo.com'],
    ['outlok.com', 'outlook.com'],
    ['outllok.com', 'outlook.com'],
    ['exampel.com', 'example.com'],
    ['iclod.com', 'icloud.com'],
    ['protonmial.com', 'protonmail.com'],
    ['tonline.de', 't-online.de'],
    ['gmail.con', 'gmail.com'],
    ['gmail.cmo', 'gmail.com'],
    ['gmail.comm', 'gmail.com'],
    ['gmail.co', 'gmail.com'],
    ['gmail.om', 'gmail.com'],
    ['gmail.cm', 'gmail.com'],
    ['hotmail.co', 'hotmail.com'],
    ['aol.co', 'aol.com'],
    ['gmx.ne', 'gmx.net'],
    ['gmial.con', 'gmail.com'],
    ['gmail..com', 'gmail.com'],
    ['gmailcom', 'gmail.com'],
    ['GMIAL.COM', 'gmail.com'],
    ['acme.con', 'acme.com'],
    ['acme.cmo', 'acme.com'],
    ['acme.comm', 'acme.com'],
  ];
  it.each(typos)('suggests the right domain for %s', (typed, meant) => {
    expect(suggestDomain(typed)).toBe(meant);
  });

  const realDomains = [
    'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.co.jp', 'ymail.com', 'hotmail.com',
    'hotmail.co.uk', 'hotmail.fr', 'outlook.com', 'outlook.de', 'live.com', 'live.se', 'live.no', 'live.ca',
    'msn.com', 'icloud.com', 'me.com', 'mac.com', 'mail.com', 'email.com', 'aol.com', 'proton.me',
    'protonmail.com', 'protonmail.ch', 'pm.me', 'gmx.de', 'gmx.net', 'gmx.com', 'gmx.at', 'web.de',
    'mail.de', 't-online.de', 'yandex.ru', 'yandex.com', 'ya.ru', 'mail.ru', 'comcast.net', 'comcast.com',
    'verizon.net', 'verizon.com', 'att.net', 'att.com', 'orange.fr', 'orange.com', 'free.fr', 'qq.com',
    '163.com', '126.com', 'zoho.com', 'fastmail.com', 'fastmail.fm', 'example.com', 'example.org',
    'corp.example', 'acme.io', 'acme.co', 'acme.cm', 'university.edu', 'cs.university.edu', 'aon.com',
    'life.com', 'love.com', 'cloud.com', 'horizon.net', 'mailchimp.com', 'gmail-fans.org', 'stanford.edu',
    'gov.uk', 'company.com.br', 'outlook.com.br', 'government.gov', 'mit.edu', 'acme.om', 'bücher.de',
  ];
  it.each(realDomains)('never flags the real domain %s', (domain) => {
    expect(suggestDomain(domain)).toBeNull();
  });

  it('ignores input that is not a domain', () => {
    for (const input of ['', ' ', 'not a domain', '@', '.', 'constructor', 'x'.repeat(300)]) {
      expect(suggestDomain(input)).toBeNull();
    }
  });

  it('gives the same answer every time', () => {
    expect(new Set(Array.from({ length: 5 }, () => suggestDomain('gmai.con'))).size).toBe(1);
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('gmial', 'gmail')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('stops early past the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
