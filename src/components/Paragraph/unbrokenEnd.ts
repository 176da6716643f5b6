/** Longest last phrase kept whole (longer ones would leave a short line before them at large text). */
const MAX_TAIL_CHARS = 8;
/** Without a short last phrase, at least this many characters stay with the closing punctuation. */
const MIN_TAIL_CHARS = 3;

/** Where a phrase ends inside a sentence. */
const PHRASE_END = /[，、；：。！？]/;
/** Punctuation that closes a sentence (and may follow its last word). */
const CLOSING = /[。！？”）]/;

/**
 * Splits `text` before its last phrase — what follows the last `，、；：。！？` that is not at the
 * very end — when that phrase is short enough to keep on one line; otherwise before its last few
 * characters. `tail` is '' for text too short to wrap badly.
 */
export function unbrokenEnd(text: string): { head: string; tail: string } {
  const chars = Array.from(text);
  let end = chars.length;
  while (end > 0 && CLOSING.test(chars[end - 1])) end -= 1;
  if (end <= MIN_TAIL_CHARS + 1) return { head: text, tail: '' };
  let start = end - MIN_TAIL_CHARS;
  for (let i = end - 1; i >= 0; i -= 1) {
    if (!PHRASE_END.test(chars[i])) continue;
    if (end - (i + 1) <= MAX_TAIL_CHARS) start = Math.min(start, i + 1);
    break;
  }
  return { head: chars.slice(0, start).join(''), tail: chars.slice(start).join('') };
}
