/**
 * Rename a persona, story, stage or step: its heading and every reference to it in
 * every loaded file. Nothing else in any file changes. A name that cannot be written so
 * that the heading and every reference read back as intended is refused as a whole:
 * a rename is never half done.
 */
import { allItems, type Item, type Position, type Range, type Reference, type TextEdit } from '../model';
import { idOf } from '../parse/ids';
import type { Located, WorkspaceIndex } from '../workspace/index-types';
import { symbolAt } from './lookup';
import { escapeInline } from '../parse/escape';
import { verifyRename, type RenamePlan } from './rename-check';

/** What prepare-rename tells the editor: the range to edit and the current name. */
export interface PrepareRenameResult {
  range: Range;
  placeholder: string;
}

/**
 * Why a rename was refused; the adapter turns the reason into a message.
 * - `multiLine`: the name holds a line break or control character;
 * - `notAReference`: its id (`id`) cannot be written as `@id`/`#id` (e.g. it ends in an emoji);
 * - `notAHeading`: a heading would not read back as that name (a `Step:` prefix, a comment);
 * - `unsafe`: the edits would change what other text means.
 */
export interface RenameRefusal {
  refused: 'notRenamable' | 'emptyName' | 'nameTaken' | 'multiLine' | 'notAReference' | 'notAHeading' | 'unsafe';
  /** The id the new name would have, when it matters to the message. */
  id?: string;
}

/** Checks the cursor is on something renamable, and offers its name. */
export function prepareRename(index: WorkspaceIndex, uri: string, position: Position): PrepareRenameResult | RenameRefusal {
  const symbol = symbolAt(index, uri, position);
  if (!symbol) return { refused: 'notRenamable' };
  return { range: symbol.originRange, placeholder: symbol.target.item.name };
}

/** The name as it will stand in the heading: NFC, one line, single spaces, no leading `@`/`#`. */
export function cleanName(newName: string): string | RenameRefusal {
  const requested = newName.normalize('NFC');
  // A line break would end the heading; other control characters are invisible damage.
  if (/[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/.test(requested)) return { refused: 'multiLine' };
  return requested.replace(/[\t ]+/g, ' ').trim().replace(/^[@#]+/, '').trim();
}

/**
 * The edits that give the item under the cursor a new name: the heading text (prefix
 * kept) and each reference's slug; link texts equal to the old name follow the new name.
 */
export function rename(index: WorkspaceIndex, uri: string, position: Position, newName: string): TextEdit[] | RenameRefusal {
  const symbol = symbolAt(index, uri, position);
  if (!symbol) return { refused: 'notRenamable' };
  const name = cleanName(newName);
  if (typeof name !== 'string') return name;
  const newId = idOf(name);
  if (!name || !newId) return { refused: 'emptyName' };
  const { target } = symbol;
  const references = index.referencesTo(target.uri, target.item.id, target.item.kind);
  if (isTaken(index, target, newId, references)) return { refused: 'nameTaken' };

  const edits: TextEdit[] = [{ uri: target.uri, range: target.item.nameRange, newText: escapeInline(name) }];
  for (const { uri: refUri, ref } of references) {
    edits.push({ uri: refUri, range: ref.slugRange, newText: newId });
    if (ref.form === 'link') {
      const linkText = linkTextRange(ref.text, ref.range);
      if (linkText && linkText.text.trim() === target.item.name) {
        edits.push({ uri: refUri, range: linkText.range, newText: escapeInline(name, true) });
      }
    }
  }
  const plan: RenamePlan = { target, name, newId, edits, references: references.map(({ uri: refUri, ref }) => ({ uri: refUri, ref })) };
  return verifyRename(index, plan) ?? edits;
}

/**
 * True when another item would answer to the new id: one in the defining file that
 * references of this kind look up (stages and steps share ids, and a link finds a story
 * before a step), or one that a referencing file sees before the defining file (its own
 * persona "Maria" would silently take over the references).
 */
function isTaken(index: WorkspaceIndex, target: Located, newId: string, references: Array<{ uri: string; ref: Reference }>): boolean {
  const competing = COMPETING_KINDS[target.item.kind];
  const answers = (uri: string): boolean => {
    const doc = index.get(uri);
    return !!doc && allItems(doc).some((item) => item !== target.item && competing.includes(item.kind) && item.id === newId);
  };
  if (answers(target.uri)) return true;
  for (const referencing of new Set(references.filter(({ ref }) => !ref.target).map(({ uri }) => uri))) {
    for (const doc of index.scope(referencing)) {
      if (doc.uri === target.uri) break;
      if (answers(doc.uri)) return true;
    }
  }
  return false;
}

const COMPETING_KINDS: Record<Item['kind'], ReadonlyArray<Item['kind']>> = {
  persona: ['persona'],
  story: ['story'],
  stage: ['stage', 'step', 'story'],
  step: ['stage', 'step', 'story'],
};

/** The range of `text` in `[text](target)`, when the link sits on one line. */
function linkTextRange(source: string, whole: Range): { text: string; range: Range } | undefined {
  if (whole.start.line !== whole.end.line || !source.startsWith('[')) return undefined;
  const close = source.lastIndexOf('](');
  if (close < 0) return undefined;
  const start = whole.start.character + 1;
  return {
    text: source.slice(1, close),
    range: { start: { line: whole.start.line, character: start }, end: { line: whole.start.line, character: start + close - 1 } },
  };
}

/** Type guard for refusals. */
export function isRefusal(result: unknown): result is RenameRefusal {
  return typeof result === 'object' && result !== null && 'refused' in result;
}
