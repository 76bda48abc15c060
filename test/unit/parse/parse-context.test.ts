/**
 * The parser reuses one micromark parse context per configuration and resets it between
 * texts by deleting the per-document keys (`resetParseContext` in parse/markdown-parser.ts).
 * These tests pin why that is safe: the context micromark makes has exactly the shared
 * keys plus `defined` and `lazy`, and no state of one text reaches the next.
 */
import { parse, postprocess, preprocess } from 'micromark';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Event } from 'micromark-util-types';
import { describe, expect, it } from 'vitest';
import { markdownEvents, SHARED_CONTEXT_KEYS } from '../../../src/core/parse/markdown-parser';

/** Token types and positions: enough to tell a link from plain text. */
function shape(events: Event[]): string[] {
  return events.map(([kind, token]) => `${kind} ${token.type} ${token.start.offset}-${token.end.offset}`);
}

/** The events of a context made for this text alone. */
function freshEvents(text: string, footnotes = false): Event[] {
  const context = parse({ extensions: footnotes ? [gfmFootnote()] : [] });
  return postprocess(context.document().write(preprocess()(text, undefined, true)));
}

describe('the reused micromark parse context', () => {
  it('has the shape resetParseContext restores (shared keys, then defined and lazy)', () => {
    expect(Object.keys(parse()).sort()).toEqual([...SHARED_CONTEXT_KEYS, 'defined', 'lazy'].sort());
  });

  it('forgets link reference definitions between texts', () => {
    markdownEvents('# Personas\n\n- see [maria]\n\n[maria]: https://example.org/maria\n');
    const uses = '# Personas\n\n- see [maria]\n';
    const events = shape(markdownEvents(uses));
    expect(events.some((event) => event.includes(' link '))).toBe(false);
    expect(events).toEqual(shape(freshEvents(uses)));
  });

  it('forgets footnote definitions between texts', () => {
    markdownEvents('# Journey\n\n- step[^1]\n\n[^1]: a note\n');
    const uses = '# Journey\n\n- step[^1]\n';
    const events = shape(markdownEvents(uses));
    expect(events.some((event) => event.includes('gfmFootnoteCall '))).toBe(false);
    expect(events).toEqual(shape(freshEvents(uses, true)));
  });
});
