/** Longest last phrase kept whole (longer ones would leave a short line before them at large text). */
const MAX_TAIL_CHARS = 8;
/** Without a short last phrase, at least this many characters stay with the closing punctuation. */
const MIN_TAIL_CHARS = 3;

/** Where a phrase ends inside a sentence. */
const PHRASE_END = /[，、；：。！？]/;
/** Punctuation that closes a sentence (and may follow its last word). */
const CLOSING = /[。！？”）]/;

interface WordSegmenter {
  segment(text: string): Iterable<{ segment: string }>;
}
type SegmenterConstructor = new (locale: string, options: { granularity: 'word' }) => WordSegmenter;

/**
 * Where the last words of `chars[0..end)` start, taking whole words (Intl.Segmenter, where the
 * platform has it) until at least MIN_TAIL_CHARS characters are kept: "其隐私政策" keeps "隐私政策",
 * not "私政策". Without a segmenter, simply the last MIN_TAIL_CHARS characters.
 */
function lastWordsStart(chars: readonly string[], end: number): number {
  const Segmenter = (Intl as unknown as { Segmenter?: SegmenterConstructor }).Segmenter;
  if (typeof Segmenter !== 'function') return end - MIN_TAIL_CHARS;
  const words = Array.from(
    new Segmenter('zh', { granularity: 'word' }).segment(chars.slice(0, end).join('')),
  );
  let start = end;
  for (let i = words.length - 1; i >= 0 && end - start < MIN_TAIL_CHARS; i -= 1) {
    start -= Array.from(words[i].segment).length;
  }
  return start;
}

/**
 * Splits `text` before its last phrase — what follows the last `，、；：。！？` that is not at the
 * very end — when that phrase is short enough to keep on one line; otherwise before its last
 * words. `tail` is '' for text too short to wrap badly.
 */
export function unbrokenEnd(text: string): { head: string; tail: string } {
  const chars = Array.from(text);
  let end = chars.length;
  while (end > 0 && CLOSING.test(chars[end - 1])) end -= 1;
  if (end <= MIN_TAIL_CHARS + 1) return { head: text, tail: '' };
  let start = lastWordsStart(chars, end);
  for (let i = end - 1; i >= 0; i -= 1) {
    if (!PHRASE_END.test(chars[i])) continue;
    if (end - (i + 1) <= MAX_TAIL_CHARS) start = Math.min(start, i + 1);
    break;
  }
  if (start <= 0) return { head: text, tail: '' };
  return { head: chars.slice(0, start).join(''), tail: chars.slice(start).join('') };
}
