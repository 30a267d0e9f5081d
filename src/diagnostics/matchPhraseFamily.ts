import { familyVocabulary, type Concept } from './familyVocabulary.ts';
import { markerDistance, phraseFamilies, type PhraseFamily } from './phraseFamilies.ts';

/** The family that a text matched, the words that matched it, and how far apart they stood. */
export interface FamilyMatch {
  family: PhraseFamily;
  /** The text from the first to the last matched word (at most 120 characters). */
  phrase: string;
  /** Words between subject and predicate (a marker counts as {@link markerDistance}). */
  distance: number;
}

/**
 * Finds the phrase family (phraseFamilies.ts) that a normalised delivery-error text expresses:
 * a subject word and a predicate word of one meaning within one clause, a few words apart.
 * With `notices` false (a failure code stands beside the text), the not-a-failure families are
 * skipped. Pure; the work is bounded by the text length and a cap on occurrences per concept.
 */
export function matchPhraseFamily(text: string, notices: boolean): FamilyMatch | null {
  const scan = new Scan(text);
  for (const candidate of phraseFamilies) {
    if (!(candidate.notice || candidate.precedes)) continue;
    if (candidate.notice && !notices) continue;
    const match = scan.closest(candidate);
    if (match) return match;
  }
  let best: FamilyMatch | null = null;
  for (const candidate of phraseFamilies) {
    if (candidate.notice || candidate.precedes) continue;
    const match = scan.closest(candidate);
    if (match && (best === null || rank(match) < rank(best))) best = match;
  }
  return best;
}

// Closest pair first; weak evidence only when nothing else matched; a policy word (spam, a block
// list) is specific on its own and ranks like a close pair.
function rank(match: FamilyMatch): number {
  return match.distance + (match.family.weak ? 1000 : 0) - (match.family.predicate === 'policy' ? 2 : 0);
}

interface Occurrence {
  start: number;
  end: number;
  clause: number;
}

// At most this many occurrences of one concept are looked at: enough for any real bounce, and a
// bound on the pair loop for huge or repetitive inputs.
const maxOccurrences = 40;

class Scan {
  private readonly found = new Map<Concept, Occurrence[]>();
  private readonly clauseEnds: number[] = [];

  constructor(private readonly text: string) {
    for (const end of text.matchAll(clauseBreak)) this.clauseEnds.push(end.index);
  }

  closest(candidate: PhraseFamily): FamilyMatch | null {
    const predicates = this.occurrences(candidate.predicate).filter((p) => !(candidate.negatable && this.negated(p)));
    if (predicates.length === 0) return null;
    const vetoed = new Set(candidate.veto ? this.occurrences(candidate.veto).map((o) => o.clause) : []);
    if (candidate.subject === null) {
      const marker = predicates.find((p) => !vetoed.has(p.clause));
      return marker ? { family: candidate, phrase: this.slice(marker.start, marker.end), distance: markerDistance } : null;
    }
    let best: FamilyMatch | null = null;
    for (const subject of this.occurrences(candidate.subject)) {
      if (vetoed.has(subject.clause)) continue;
      for (const predicate of predicates) {
        if (predicate.clause !== subject.clause) continue;
        const distance = this.distance(subject, predicate);
        if (distance > candidate.window || (best !== null && distance >= best.distance)) continue;
        best = {
          family: candidate,
          phrase: this.slice(Math.min(subject.start, predicate.start), Math.max(subject.end, predicate.end)),
          distance,
        };
      }
    }
    return best;
  }

  private occurrences(concept: Concept): Occurrence[] {
    if (this.found.size === 0) this.findAll();
    return this.found.get(concept) ?? [];
  }

  // One pass over the text finds every concept's words: at each word start (and at each
  // Japanese, Chinese or Korean character) the entries beginning with the next two characters
  // are compared; compound endings (`~adresse`) are found by one small expression.
  private findAll(): void {
    const text = this.text;
    const record = (concepts: readonly Concept[], start: number, end: number) => {
      for (const concept of concepts) {
        const list = this.found.get(concept) ?? [];
        if (list.length >= maxOccurrences || list.some((o) => o.start === start)) continue;
        list.push({ start, end, clause: this.clauseOf(start) });
        this.found.set(concept, list);
      }
    };
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      const ideograph = isIdeograph(code);
      if (!ideograph && (!isWordChar(code) || (index > 0 && isWordChar(text.charCodeAt(index - 1))))) continue;
      const candidates = [...(entriesByStart.get(text.slice(index, index + 2)) ?? []), ...(entriesByStart.get(text.charAt(index)) ?? [])];
      for (const entry of candidates) {
        if (!text.startsWith(entry.word, index)) continue;
        const end = index + entry.word.length;
        if (entry.whole && end < text.length && isWordChar(text.charCodeAt(end))) continue;
        record(entry.concepts, index, end);
      }
    }
    for (const match of text.matchAll(compoundEndings)) {
      const entry = compoundEntries.get(match[0]);
      if (entry) record(entry.concepts, match.index, match.index + match[0].length);
    }
  }

  private clauseOf(position: number): number {
    let low = 0;
    let high = this.clauseEnds.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.clauseEnds[middle] ?? 0) < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  // Words standing between the two occurrences; overlapping or adjacent ones are 0 or 1 apart.
  // Japanese and Chinese have no spaces: two characters count as a word.
  private distance(a: Occurrence, b: Occurrence): number {
    const from = Math.min(a.end, b.end);
    const to = Math.max(a.start, b.start);
    if (to <= from) return 0;
    const gap = this.text.slice(from, to);
    const spaces = gap.match(/\s+/g)?.length ?? 0;
    const ideographs = gap.match(cjkGlobal)?.length ?? 0;
    return spaces + Math.ceil(ideographs / 2);
  }

  private negated(occurrence: Occurrence): boolean {
    return negation.test(this.text.slice(Math.max(0, occurrence.start - 24), occurrence.start));
  }

  private slice(start: number, end: number): string {
    return this.text.slice(start, Math.min(end, start + 120)).trim();
  }
}

// A clause ends at a sentence mark followed by a space or the end (not the dot inside a domain
// name or a code like 5.1.1, nor the one after a date's day, "14. Juni"), or at an ideographic full stop.
const clauseBreak = /(?<!\d)[.!?;](?=\s|$)|[。！？；]/g;

const cjkGlobal = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/g;

// A negation just before "delivered" in the table's languages ("could not be delivered",
// "nicht zugestellt", "n'a pas été remis", "no ha sido entregado", "未送达").
const negation = /(?:^|[^\p{L}])(?:not|never|unable|failed|nicht|pas|no|non|não|nao|niet|inte|ikke|nie|ne|не|ei)(?:[^\p{L}]|$)|n't|未|不|没|無法|无法/u;

interface Entry {
  word: string;
  whole: boolean;
  concepts: Concept[];
}

// Latin with its accented letters, Greek, Cyrillic and Hangul letters and the digits: the
// characters that continue a word (words are not matched inside longer ones).
function isWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) ||
    (code >= 0x370 && code <= 0x52f) ||
    (code >= 0x1e00 && code <= 0x1eff) ||
    (code >= 0xac00 && code <= 0xd7af)
  );
}

function isIdeograph(code: number): boolean {
  return (code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

const { entriesByStart, compoundEntries, compoundEndings } = buildIndex();

function buildIndex() {
  const entries = new Map<string, Entry>();
  const compounds = new Map<string, Entry>();
  for (const { concept, words } of familyVocabulary) {
    for (const raw of words) {
      const whole = raw.endsWith('#');
      const compound = raw.startsWith('~');
      const word = raw.slice(compound ? 1 : 0, whole ? -1 : undefined);
      const key = `${compound ? '~' : ''}${word}${whole ? '#' : ''}`;
      const target = compound ? compounds : entries;
      const entry = target.get(key) ?? { word, whole, concepts: [] };
      if (!entry.concepts.includes(concept)) entry.concepts.push(concept);
      target.set(key, entry);
    }
  }
  const byStart = new Map<string, Entry[]>();
  // Longest first, so that a longer entry is recorded before a shorter one at the same place.
  for (const entry of [...entries.values()].sort((a, b) => b.word.length - a.word.length)) {
    const key = entry.word.slice(0, 2);
    byStart.set(key, [...(byStart.get(key) ?? []), entry]);
  }
  const compoundWords = new Map([...compounds.values()].map((entry) => [entry.word, entry]));
  const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const sorted = [...compoundWords.keys()].sort((a, b) => b.length - a.length);
  return {
    entriesByStart: byStart as ReadonlyMap<string, readonly Entry[]>,
    compoundEntries: compoundWords as ReadonlyMap<string, Entry>,
    compoundEndings: new RegExp(sorted.length > 0 ? sorted.map(escape).join('|') : '(?!)', 'g'),
  };
}
