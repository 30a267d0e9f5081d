/** The SMTP status codes found in a delivery-error text. */
export interface StatusCodes {
  /** The enhanced status code (RFC 3463) that best describes the failure, e.g. `5.1.1`; null when none. */
  enhanced: string | null;
  /** The first 4xx/5xx reply code, or a 2xx reply that opens the text; null when none. */
  reply: string | null;
}

/**
 * Finds the SMTP codes in a bounce text. Wrappers often quote several enhanced codes (a relay's
 * generic `5.1.0` around the receiver's `5.7.1`), so the first failure code with a specific
 * detail wins over `X.Y.0` ones, and failure codes win over success codes. IP addresses,
 * version numbers and ports are not mistaken for codes.
 */
export function findStatusCodes(text: string): StatusCodes {
  const enhanced = [...text.matchAll(enhancedCodePattern)].map((match) => match.slice(1, 4).join('.'));
  const failures = enhanced.filter((code) => !code.startsWith('2'));
  const replies = [...text.matchAll(replyCodePattern)].map((match) => match[1] ?? '');
  const failureReply = replies.find((reply) => !reply.startsWith('2')) ?? null;
  const openingReply = /^\s*(2[0-5]\d)(?![\w.])/.exec(text)?.[1] ?? null;
  const successCode = failureReply === null ? (enhanced.find((code) => code.startsWith('2')) ?? null) : null;
  return {
    enhanced: failures.find((code) => !code.endsWith('.0')) ?? failures[0] ?? successCode,
    reply: failureReply ?? openingReply,
  };
}

// Class 2/4/5, subject 0-7 (the subjects RFC 3463 defines), detail up to three digits (Microsoft
// uses 5.7.509 and friends). Not part of a longer dotted number such as an IP address or 4.16.55.1.
const enhancedCodePattern = /(?<![\w.])([245])\.([0-7])\.(\d{1,3})(?![\w]|\.\d)/g;

// A basic reply code: not inside a word, number, URL, IP address or `host:port`.
const replyCodePattern = /(?<![\w./=-]|[\w\]]:)([245][0-5]\d)(?![\w.]|:\d)/g;
