/**
 * Texts a language may keep exactly as English (tests/unit/app/untranslatedTexts.test.ts), each
 * with the reason. Keep it short: everything else that reads the same as the English is a text
 * nobody translated. A stale entry (the text now differs, or the key is gone) fails the test too.
 */
const everywhere: Record<string, string> = {
  'app.name': 'the product name, a brand',
  'agent.packet.markdown': 'the name of the file format',
  'agent.packet.json': 'the name of the file format',
};

export const untranslatedTextsAllowed: Record<string, Record<string, string>> = {
  de: {
    ...everywhere,
    'app.nav.start': 'German uses "Start" for a start page',
    'app.user.name': 'German "Name"',
    'app.user.status': 'German "Status"',
    'app.user.team': 'German "Team"',
    'app.delivery.category': 'German "Problem"',
    'app.demo.roles.admin': 'German "Admin"',
    'invitationCharts.domains.columns.domain': 'German "Domain" (the internet domain)',
    'invitations.filters.domain': 'German "Domain" (the internet domain)',
    'invitations.filters.status': 'German "Status"',
    'invitations.list.status': 'German "Status"',
    'invitations.csv.columns.name': 'German "Name"',
    'invitations.csv.columns.status': 'German "Status"',
    'invitations.csv.columns.domain': 'German "Domain" (the internet domain)',
  },
  sv: {
    ...everywhere,
    'app.nav.start': 'Swedish "Start"',
    'app.user.status': 'Swedish "Status"',
    'app.user.team': 'Swedish "Team"',
    'app.delivery.category': 'Swedish "Problem"',
    'app.summaryKeys.status': 'Swedish "status"',
    'app.summaryKeys.problem': 'Swedish "problem"',
    'invitations.filters.status': 'Swedish "Status"',
    'invitations.list.status': 'Swedish "Status"',
    'invitations.csv.columns.status': 'Swedish "Status"',
  },
  fr: { ...everywhere },
  es: { ...everywhere },
  it: {
    ...everywhere,
    'agent.keyNames.backspace': 'what Italians call the key (the keyboard shows an arrow)',
    'app.common.no': 'Italian "No"',
    'flows.notReceived.afterManualFix.options.couldNot': 'Italian "No"',
    'flows.linkExpired.afterResent.options.notWorking': 'Italian "No"',
    'insights.feedback.no': 'Italian "No"',
    'insights.panel.notHelpful': 'Italian "No"',
    'invitations.csv.no': 'Italian "no"',
    'app.user.team': 'Italian "Team" (the usual word in Italian companies)',
    'app.summaryKeys.link': 'Italian "link" (not translated in Italian UIs)',
    'invitations.csv.columns.email': 'Italian "Email"',
  },
  'pt-BR': {
    ...everywhere,
    'agent.keyNames.backspace': 'what Brazilians call the key (the ABNT2 keyboard shows an arrow)',
    'app.user.status': 'Portuguese "Status"',
    'app.summaryKeys.status': 'Portuguese "status"',
    'invitations.filters.status': 'Portuguese "Status"',
    'invitations.list.status': 'Portuguese "Status"',
    'invitations.csv.columns.status': 'Portuguese "Status"',
    'app.summaryKeys.link': 'Portuguese "link" (the everyday word in Brazil)',
    'invitationCharts.causes.columns.total': 'Portuguese "Total"',
  },
  pl: {
    ...everywhere,
    'agent.keyNames.backspace': 'the label printed on Polish keyboards',
    'app.summaryKeys.link': 'Polish "link" (the everyday word; odnośnik reads dated)',
  },
  ja: {
    ...everywhere,
    'agent.keyNames.backspace': 'the label printed on Japanese keyboards',
  },
  ar: { ...everywhere },
};
