/**
 * The ASCII (punycode) form of a domain, label by label, e.g. `bücher.de` → `xn--bcher-kva.de`.
 * Returns null when a label cannot be converted to a plain DNS label. Empty labels pass through
 * unchanged so that callers can report dot problems themselves.
 */
export function toAsciiDomain(domain: string): string | null {
  const labels = domain.toLowerCase().split('.');
  const asciiLabels: string[] = [];
  for (const label of labels) {
    const ascii = isAscii(label) ? label : labelToAscii(label);
    if (ascii === null) return null;
    asciiLabels.push(ascii);
  }
  return asciiLabels.join('.');
}

function isAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

// The WHATWG URL parser applies IDNA (UTS #46) in Node and in every browser, so no punycode
// package is needed. It maps some characters (full-width letters, ligatures) to others, and a
// few to dots, so the result is checked to still be one plain label.
function labelToAscii(label: string): string | null {
  try {
    const hostname = new URL(`http://${label}`).hostname;
    return /^[a-z0-9-]+$/.test(hostname) ? hostname : null;
  } catch {
    return null;
  }
}
