/**
 * The demo's two teams by name: `a`, whose manager the demo bar can act as, and `b`. Names are
 * data, as people's names are, so they are not translated.
 */
export const demoTeamNames: Readonly<Record<string, string>> = { a: 'Customer Success', b: 'Field Sales' };
