import { describe, expect, it } from 'vitest';
import { englishFragments, loadLocaleTexts, type LocaleTexts } from '../../e2e/support/localeTexts.ts';

function texts(language: string, entries: Record<string, string>): LocaleTexts {
  const map = new Map(Object.entries(entries));
  return { language, texts: map, text: (key) => map.get(key) ?? '', pattern: () => /$^/ };
}

describe('the English the languages spec looks for', () => {
  const english = texts('en', {
    'app.start.title': 'Someone did not get their invitation?',
    'app.lookup': 'Looking up {{email}} in the directory',
    'app.name': 'Invite Doctor',
    'app.short': 'Back',
    'app.sso': 'Single sign-on',
    'app.count_other': '{{count}} invitations were sent',
  });

  it('takes the literal pieces of every text the language translates: 12+ characters or two words, split at {{params}}', () => {
    const french = texts('fr', {
      'app.start.title': 'Quelqu’un n’a pas reçu son invitation ?',
      'app.lookup': 'Recherche de {{email}} dans l’annuaire',
      'app.name': 'Invite Doctor',
      'app.short': 'Retour',
      'app.sso': 'Authentification unique',
      'app.count_many': '{{count}} d’invitations envoyées',
    });
    expect(englishFragments(english, french).map(({ fragment }) => fragment)).toEqual([
      'Someone did not get their invitation?',
      'Looking up',
      'in the directory',
      'Single sign-on',
      'invitations were sent',
    ]);
  });

  it('leaves out what the language keeps in English itself, and texts it left untranslated on purpose', () => {
    const german = texts('de', {
      'app.start.title': 'Jemand hat die Einladung nicht bekommen?',
      'app.lookup': 'Suche {{email}} im Verzeichnis',
      'app.name': 'Invite Doctor',
      'app.short': 'Zurück',
      'app.sso': 'Anmeldung per Single sign-on',
      'app.count_other': '{{count}} Einladungen gesendet',
    });
    const fragments = englishFragments(english, german).map(({ fragment }) => fragment);
    expect(fragments).not.toContain('Single sign-on');
    expect(fragments).not.toContain('Invite Doctor');
    expect(fragments).toContain('Someone did not get their invitation?');
  });

  it('names the key each fragment comes from, over the shipped files', () => {
    const found = englishFragments(loadLocaleTexts('en'), loadLocaleTexts('de'));
    expect(found.find(({ key }) => key === 'app.start.title')?.fragment).toBe(loadLocaleTexts('en').text('app.start.title'));
  });
});
