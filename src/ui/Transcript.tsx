import type { TranscriptEntry } from '../engine/index.ts';
import { describeTranscriptEntry, type TranscriptWords } from './describeTranscriptEntry.ts';

/** Every step, answer and call of the session with its time, oldest first. */
export function Transcript({ entries, words }: { entries: readonly TranscriptEntry[]; words: TranscriptWords }) {
  return (
    <ol className="id-transcript">
      {entries.map((entry, index) => (
        <li key={index} className={`id-transcript-entry id-transcript-entry--${entry.type}`}>
          <time dateTime={new Date(entry.at).toISOString()}>{words.format.time(entry.at)}</time>
          <span>{describeTranscriptEntry(entry, words)}</span>
        </li>
      ))}
    </ol>
  );
}
