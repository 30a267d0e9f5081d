import { checkAddress } from '../../src/diagnostics/index.ts';

/** What `npm run doctor` was asked to do. */
export type DoctorArgs =
  | { kind: 'help' }
  | { kind: 'run'; addresses: string[]; json: boolean; flowId: string }
  | { kind: 'bad'; message: string };

export const defaultDoctorFlow = 'invite-not-received';

export const doctorUsage = `Usage: npm run --silent doctor -- [--json] [--flow <id>] EMAIL [EMAIL…]

Runs the automatic part of the diagnosis for each address against the configured backend (the
same one the server would use: its own store, or IDENTITY=<provider> and DELIVERY=<provider>),
and prints what the wizard concludes: the user's status and dates, the latest delivery problem,
the steps passed through and the question it would ask next. Nothing is sent and no invitation
changes: where the wizard would offer a resend or a reset, it says "would offer".

Options:
  --json       one JSON object instead of text
  --flow <id>  the flow to run (default: ${defaultDoctorFlow})
  -h, --help   this text

Exit codes: 0 every address diagnosed, 1 the backend could not be reached, 2 bad arguments.
No secret is printed: links and tokens are masked.
`;

/** Reads the command line (`process.argv.slice(2)`); an invalid address is named, never guessed at. */
export function parseDoctorArgs(argv: readonly string[]): DoctorArgs {
  const addresses: string[] = [];
  let json = false;
  let flowId = defaultDoctorFlow;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] as string;
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--json') json = true;
    else if (arg === '--flow' || arg.startsWith('--flow=')) {
      const value = arg === '--flow' ? argv[++index] : arg.slice('--flow='.length);
      if (!value || !/^[a-z0-9-]+$/.test(value)) return { kind: 'bad', message: '--flow needs a flow id, such as invite-not-received.' };
      flowId = value;
    } else if (arg === '--') continue;
    else if (arg.startsWith('-')) return { kind: 'bad', message: `Unknown option ${arg}.` };
    else {
      const check = checkAddress(arg);
      if (!check.valid || !check.normalized) return { kind: 'bad', message: `Not an email address: "${arg.slice(0, 200)}" (${check.problems.join(', ')}).` };
      if (!addresses.includes(check.normalized)) addresses.push(check.normalized);
    }
  }
  if (addresses.length === 0) return { kind: 'bad', message: 'Name at least one email address.' };
  return { kind: 'run', addresses, json, flowId };
}
