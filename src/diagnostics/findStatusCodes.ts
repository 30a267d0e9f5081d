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
  // One pass per pattern, without intermediate arrays: the invite-health page reads thousands.
  let specificFailure: string | null = null;
  let firstFailure: string | null = null;
  let firstSuccess: string | null = null;
  enhancedCodePattern.lastIndex = 0;
  for (let match = enhancedCodePattern.exec(text); match; match = enhancedCodePattern.exec(text)) {
    const code = `${match[1]}.${match[2]}.${match[3]}`;
    if (match[1] === '2') firstSuccess ??= code;
    else {
      firstFailure ??= code;
      if (specificFailure === null && !code.endsWith('.0')) specificFailure = code;
    }
  }
  let failureReply: string | null = null;
  replyCodePattern.lastIndex = 0;
  for (let match = replyCodePattern.exec(text); match && failureReply === null; match = replyCodePattern.exec(text)) {
    const reply = match[1] ?? '';
    if (!reply.startsWith('2')) failureReply = reply;
  }
  const openingReply = /^\s*(2[0-5]\d)(?![\w.])/.exec(text)?.[1] ?? null;
  const successCode = failureReply === null ? firstSuccess : null;
  return {
    enhanced: specificFailure ?? firstFailure ?? successCode,
    reply: failureReply ?? openingReply,
  };
}

// Class 2/4/5, subject 0-7 (the subjects RFC 3463 defines), detail up to three digits (Microsoft
// uses 5.7.509 and friends). Not part of a longer dotted number such as an IP address or 4.16.55.1.
const enhancedCodePattern = /(?<![\w.])([245])\.([0-7])\.(\d{1,3})(?![\w]|\.\d)/g;

// A basic reply code: not inside a word, number, URL, IP address or `host:port`.
const replyCodePattern = /(?<![\w./=-]|[\w\]]:)([245][0-5]\d)(?![\w.]|:\d)/g;
