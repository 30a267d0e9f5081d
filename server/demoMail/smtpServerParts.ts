import type { Readable } from 'node:stream';

/** An smtp-server reply: the error's `responseCode` is the code, its message the rest of the line. */
export function smtpReply(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

/** Reads a DATA stream; null when smtp-server marked it as over the size limit. */
export async function readSmtpData(stream: Readable & { sizeExceeded?: boolean }, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size <= maxBytes) chunks.push(chunk as Buffer);
  }
  if (stream.sizeExceeded || size > maxBytes) return null;
  return Buffer.concat(chunks);
}
