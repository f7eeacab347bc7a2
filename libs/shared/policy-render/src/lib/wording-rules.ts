/**
 * Heuristics for policy wording that breaks the rules in England (Complaints Regulations 2009,
 * list-removal rules). They read plain text sentence by sentence; they are deliberately narrow,
 * because a warning that fires on ordinary wording teaches managers to ignore warnings.
 */

/** Sentences of a plain-text passage; a list item or a short heading is one sentence. */
export function sentences(text: string): string[] {
  return (text.match(/[^.!?]+(?:[.!?]+|$)/g) ?? []).map((s) => s.trim()).filter(Boolean);
}

/**
 * True when a match is negated within its own clause ("do not have to be in writing only",
 * "will never be removed"). Only the clause before the match counts, so "If you are not happy,
 * complaints must be in writing" is still caught.
 */
function negatedBefore(sentence: string, index: number): boolean {
  const before = sentence.slice(Math.max(0, index - 40), index);
  const clause = before.split(/[,;:–—]/).pop() ?? '';
  return /\b(?:not|never|no need|needn't|don't|doesn't|won't)\b/i.test(clause);
}

function matchesUnnegated(sentence: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => {
    const global = new RegExp(pattern.source, `${pattern.flags}g`);
    for (const match of sentence.matchAll(global)) {
      if (!negatedBefore(sentence, match.index ?? 0)) return true;
    }
    return false;
  });
}

const FEEDBACK_WORDS = /\bcomplain\w*|\bconcerns?\b|\bfeedback\b|\bgrievances?\b|\bcomments?\b/i;

const WRITING_ONLY = [
  /\bin writing only\b/i,
  /\bwritten (?:form )?only\b/i,
  /\bonly\b[^.!?]{0,50}?\b(?:in writing|written|by letter|by post)\b/i,
  /\bmust\b[^.!?]{0,40}?\b(?:in writing|written|by letter)\b/i,
  /\b(?:do not|don't|cannot|can't|will not|won't)\s+(?:accept|take|consider|deal with|respond to|investigate)\s+(?:\w+\s+){0,2}?(?:verbal|oral|spoken|telephone|phone)\b/i,
];

/**
 * Wording that demands complaints in writing. A practice cannot insist on it, but "In writing."
 * offered as one route among several is fine, so the patterns need "only", "must" or a refusal
 * of other forms. `aboutFeedback` says the surrounding text is about raising concerns (a channel
 * item); otherwise the sentence or the one before it must say so, so "repeat prescription
 * requests must be made in writing" is not flagged.
 */
export function demandsWriting(
  sentence: string,
  previous: string,
  aboutFeedback: boolean,
): boolean {
  if (!matchesUnnegated(sentence, WRITING_ONLY)) return false;
  return aboutFeedback || FEEDBACK_WORDS.test(sentence) || FEEDBACK_WORDS.test(previous);
}

const REMOVAL = [
  /\b(?:remov\w*|tak\w* off)\b[^.!?]{0,60}?\b(?:list|register)\b/i,
  /\bremoval\b(?! of)/i,
  /\bde-?regist\w*/i,
  /\b(?:struck|strike \w+) off\b/i,
];

/** Removal from the practice list, not negated ("will never be removed" does not count). */
export function mentionsRemoval(sentence: string): boolean {
  return matchesUnnegated(sentence, REMOVAL);
}

/** Removal tied to complaining in one sentence, e.g. "if you complain you may be removed". */
export function threatensRemovalForComplaining(sentence: string): boolean {
  return /\bcomplain\w*/i.test(sentence) && mentionsRemoval(sentence);
}

/** A warning step, but not "without warning" or "no warning". */
export function mentionsWarning(text: string): boolean {
  for (const match of text.matchAll(/\bwarn(?:ing|ings|ed|s)?\b/gi)) {
    const at = match.index ?? 0;
    const before = text.slice(Math.max(0, at - 24), at);
    if (!/\b(?:without|no)\s+(?:\w+\s+)?$/i.test(before)) return true;
  }
  return false;
}
