/**
 * User agents of the machines that fetch links in mail before (or instead of) a person: mail
 * security gateways that "detonate" every link, link checkers, previews and command-line clients.
 * A match marks a link event `automated`; it never decides whether the link is accepted.
 */
export const automatedUserAgents: readonly { name: string; pattern: RegExp }[] = [
  { name: 'Microsoft Safe Links / Defender', pattern: /safelinks|bingpreview|microsoft office existence discovery|ms-office|microsoft-?defender|msoffice/i },
  { name: 'Proofpoint', pattern: /proofpoint|urldefense/i },
  { name: 'Mimecast', pattern: /mimecast/i },
  { name: 'Barracuda', pattern: /barracuda/i },
  { name: 'Cisco (IronPort, Secure Email)', pattern: /cisco|ironport/i },
  { name: "Google's link checkers", pattern: /google-safety|googleimageproxy|googlebot|google-inspectiontool|apis-google|google web preview|google-read-aloud/i },
  { name: 'Link previews', pattern: /slackbot|facebookexternalhit|twitterbot|discordbot|telegrambot|whatsapp|linkedinbot|skypeuripreview/i },
  { name: 'curl', pattern: /^curl\//i },
  { name: 'Wget', pattern: /^wget\//i },
  { name: 'Scripted HTTP clients', pattern: /python-requests|python-urllib|aiohttp|go-http-client|okhttp|libwww-perl|^java\//i },
  { name: 'Headless browsers', pattern: /headlesschrome|phantomjs/i },
];

/** The name of the automated client this user agent belongs to, or null for what looks like a person's browser. */
export function matchAutomatedUserAgent(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  return automatedUserAgents.find((entry) => entry.pattern.test(userAgent))?.name ?? null;
}
