import { editDistance } from './editDistance.ts';
import { otherMailDomains, popularMailDomains } from './knownDomains.ts';

/**
 * The domain the person most likely meant when `domain` looks like a slip of a well-known mail
 * domain (`gmial.com` → `gmail.com`, `gmail.co` → `gmail.com`), or of `.com` itself
 * (`acme.con` → `acme.com`); null when it looks intended. Known domains are never corrected, and
 * only these patterns are: a domain that is merely unfamiliar is left alone. Deterministic.
 */
export function suggestDomain(domain: string): string | null {
  if (typeof domain !== 'string' || domain.length > 253) return null;
  const typed = domain.trim().toLowerCase().replace(/^@/, '');
  if (!/^[a-z0-9.-]+$/.test(typed) || knownDomains.has(typed)) return null;
  const tidy = typed.replace(/\.{2,}/g, '.').replace(/^\.|\.$/g, '');
  if (tidy !== typed && knownDomains.has(tidy)) return tidy;
  const suggestion = closestKnownDomain(tidy) ?? withoutImpossibleTld(tidy);
  return suggestion === typed ? null : suggestion;
}

const knownDomains = new Set([...popularMailDomains, ...otherMailDomains]);

// Slips of a real top-level domain. Those marked `impossible` are not delegated top-level
// domains, so any domain ending in one is corrected; the others (.co, .om, .cm, .ne are real
// country codes) only when the rest of the domain is a known provider's.
const tldSlips: ReadonlyMap<string, { meant: string; impossible: boolean }> = new Map(Object.entries({
  con: { meant: 'com', impossible: true },
  cmo: { meant: 'com', impossible: true },
  comm: { meant: 'com', impossible: true },
  coom: { meant: 'com', impossible: true },
  ccom: { meant: 'com', impossible: true },
  comn: { meant: 'com', impossible: true },
  cpm: { meant: 'com', impossible: true },
  cim: { meant: 'com', impossible: true },
  xom: { meant: 'com', impossible: true },
  vom: { meant: 'com', impossible: true },
  ocm: { meant: 'com', impossible: true },
  co: { meant: 'com', impossible: false },
  om: { meant: 'com', impossible: false },
  cm: { meant: 'com', impossible: false },
  nte: { meant: 'net', impossible: true },
  ner: { meant: 'net', impossible: true },
  nett: { meant: 'net', impossible: true },
  nt: { meant: 'net', impossible: true },
  ne: { meant: 'net', impossible: false },
  ogr: { meant: 'org', impossible: true },
  orgg: { meant: 'org', impossible: true },
}));

interface Candidate {
  domain: string;
  cost: number;
}

// Known domains by label count and first letter: slipCost only matches a known domain with as
// many labels, and whose name equals the typed one or shares its first letter (nameSlipCost), so
// only that bucket is scanned, in the same order as the whole set (the same winner on a tie).
const knownByShape = new Map<string, string[]>();
for (const known of knownDomains) {
  const key = shapeKey(known);
  knownByShape.set(key, [...(knownByShape.get(key) ?? []), known]);
}

function shapeKey(domain: string): string {
  let labels = 1;
  for (const character of domain) if (character === '.') labels += 1;
  return `${labels}:${domain[0] ?? ''}`;
}

function closestKnownDomain(typed: string): string | null {
  let best: Candidate | null = null;
  for (const known of knownByShape.get(shapeKey(typed)) ?? []) {
    const cost = slipCost(typed, known);
    if (cost !== null && (best === null || cost < best.cost)) best = { domain: known, cost };
  }
  return best?.domain ?? joinedDomainMatch(typed);
}

/** How many slips turn `known` into `typed`, or null when `typed` is not a plausible slip of it. */
function slipCost(typed: string, known: string): number | null {
  const typedLabels = typed.split('.');
  const knownLabels = known.split('.');
  if (typedLabels.length !== knownLabels.length) return null;
  const [typedName = '', ...typedSuffix] = typedLabels;
  const [knownName = '', ...knownSuffix] = knownLabels;
  const suffixCost = typedSuffix.reduce<number | null>((sum, label, index) => {
    const knownLabel = knownSuffix[index];
    if (sum === null) return null;
    if (label === knownLabel) return sum;
    return tldSlips.get(label)?.meant === knownLabel && index === typedSuffix.length - 1 ? sum + 1 : null;
  }, 0);
  if (suffixCost === null) return null;
  const nameCost = typedName === knownName ? 0 : nameSlipCost(typedName, knownName);
  if (nameCost === null || nameCost + suffixCost > 2) return null;
  return nameCost + suffixCost;
}

// Short provider names (aol, msn, me, gmx, live, zoho) are one edit away from many real
// domains (aon.com, mns.com, life.com), so only their TLD is corrected. Longer names of popular
// providers allow one edit, or two from seven letters on; the first letter must match, which
// keeps real look-alikes such as horizon.net (for verizon.net) and cloud.com (icloud.com) out.
function nameSlipCost(typedName: string, knownName: string): number | null {
  if (knownName.length < 5 || typedName[0] !== knownName[0]) return null;
  if (!popularNames.has(knownName)) return null;
  const limit = knownName.length >= 7 ? 2 : 1;
  const distance = editDistance(typedName, knownName, limit);
  return distance <= limit ? distance : null;
}

const popularNames = new Set(popularMailDomains.map((known) => known.split('.')[0] ?? ''));

/** `gmailcom` → `gmail.com`: the dot before the top-level domain was left out. */
function joinedDomainMatch(typed: string): string | null {
  if (typed.includes('.')) return null;
  return popularMailDomains.find((known) => known.replace(/\./g, '') === typed) ?? null;
}

function withoutImpossibleTld(typed: string): string | null {
  const dot = typed.lastIndexOf('.');
  const slip = tldSlips.get(typed.slice(dot + 1));
  if (dot <= 0 || slip === undefined || !slip.impossible) return null;
  return `${typed.slice(0, dot)}.${slip.meant}`;
}
