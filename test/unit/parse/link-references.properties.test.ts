/**
 * `linkReferencesOf` takes a document's links to other files from its items' reference
 * lists (remembered per list, so a keystroke does not walk every reference). It must give
 * exactly the document's own references that carry a target, in document order: for
 * random documents, after random edits through one incremental parser (reused lists,
 * moved items), and for compact documents.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlueprintParser } from '../../../src/core/parse';
import { compactDocument } from '../../../src/core/workspace/compact';
import { linkReferencesOf } from '../../../src/core/workspace/doc-facts';
import type { BlueprintDocument } from '../../../src/core/model';
import { applyEdit, blueprintText, edits } from './arbitraries';

const URI = 'file:///w/a.blueprint.md';
const expected = (doc: BlueprintDocument) => doc.references.filter((ref) => ref.target !== undefined);

describe('linkReferencesOf', () => {
  it('equals the references with a target, in order, after random edits', () => {
    fc.assert(
      fc.property(blueprintText, edits, (text, editList) => {
        const parser = new BlueprintParser();
        let doc = parser.parse(text, URI);
        expect(linkReferencesOf(doc)).toEqual(expected(doc));
        let current = text;
        for (const edit of editList) {
          current = applyEdit(current, edit);
          doc = parser.parse(current, URI);
          expect(linkReferencesOf(doc)).toEqual(expected(doc));
          const compact = compactDocument(doc);
          expect(linkReferencesOf(compact)).toEqual(expected(compact));
        }
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('finds links in every kind of item and keeps document order', () => {
    // The journey first: document order is not the item walk's (personas, stories, stages, steps).
    const text = [
      '# T', '',
      '## Journey', '', '### Stage: Apply', '- persona: [Ahmed](personas.blueprint.md#ahmed)', '',
      '#### Step: Fills in', '- persona: @maria', '- story: [Other](other.blueprint.md#lost)', '',
      '## Personas', '', '### Maria', '- heard: [notes](notes.md)', '',
      '## Stories', '', '### Lost', '- persona: [Ahmed](personas.blueprint.md#ahmed)', '',
    ].join('\n');
    const doc = new BlueprintParser().parse(text, URI);
    const links = linkReferencesOf(doc);
    expect(links.length).toBeGreaterThanOrEqual(3);
    expect(links).toEqual(expected(doc));
    expect(links.map((ref) => ref.range.start.line)).toEqual([...links.map((ref) => ref.range.start.line)].sort((a, b) => a - b));
  });
});
