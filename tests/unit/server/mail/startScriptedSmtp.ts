import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A scripted SMTP reply: `{ code, text }` (the text as the server says it after the code). */
export interface ScriptedReply {
  code: number;
  text: string;
}

export interface ReceivedMail {
  to: string;
  envelopeFrom: string;
  messageId: string;
  parsed: ParsedMail;
}

export interface ScriptedSmtp {
  port: number;
  /** What the server answers to RCPT TO for an address (null: accept); change it between steps. */
  rcpt: (address: string) => ScriptedReply | null;
  /** Credentials it accepts, when it asks for any (null: no AUTH at all). */
  credentials: { user: string; pass: string } | null;
  /** Every RCPT TO it was asked, in order. */
  readonly asked: string[];
  /** Every mail it accepted (250 after DATA). */
  readonly received: ReceivedMail[];
  close(): Promise<void>;
}

const replyError = (reply: ScriptedReply) => Object.assign(new Error(reply.text), { responseCode: reply.code });

/** A real SMTP server (smtp-server) on 127.0.0.1, port 0, answering as the test scripts it. */
export async function startScriptedSmtp(options: { credentials?: { user: string; pass: string } } = {}): Promise<ScriptedSmtp> {
  const asked: string[] = [];
  const received: ReceivedMail[] = [];
  const state: Pick<ScriptedSmtp, 'rcpt' | 'credentials'> = { rcpt: () => null, credentials: options.credentials ?? null };
  const server = new SMTPServer({
    secure: false,
    hideSTARTTLS: true,
    disableReverseLookup: true,
    hideENHANCEDSTATUSCODES: true,
    authOptional: !options.credentials,
    allowInsecureAuth: true,
    ...(options.credentials ? {} : { disabledCommands: ['AUTH'] }),
    logger: false,
    onAuth: (auth, _session, callback) => {
      if (state.credentials && auth.username === state.credentials.user && auth.password === state.credentials.pass) return callback(null, { user: auth.username });
      return callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }));
    },
    onRcptTo: (address, _session, callback) => {
      asked.push(address.address);
      const reply = state.rcpt(address.address);
      callback(reply ? replyError(reply) : null);
    },
    onData: (stream, session, callback) => {
      void simpleParser(stream).then(
        (parsed) => {
          for (const to of session.envelope.rcptTo) {
            received.push({ to: to.address, envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', messageId: parsed.messageId ?? '', parsed });
          }
          callback(null, `2.0.0 Ok: queued as Q${received.length}`);
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    get rcpt() {
      return state.rcpt;
    },
    set rcpt(value) {
      state.rcpt = value;
    },
    get credentials() {
      return state.credentials;
    },
    set credentials(value) {
      state.credentials = value;
    },
    asked,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A TCP server that accepts connections and never says a word (a stalled mail server). */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port nobody listens on (a refused connection). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
