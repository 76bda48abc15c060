/**
 * Rename a persona, story, stage or step: its heading and every reference to it in
 * every loaded file. Nothing else in any file changes.
 */
import { slug } from 'github-slugger';
import type { Position, Range, TextEdit } from '../model';
import type { WorkspaceIndex } from '../workspace/index-types';
import { allItems, symbolAt } from './lookup';

/** What prepare-rename tells the editor: the range to edit and the current name. */
export interface PrepareRenameResult {
  range: Range;
  placeholder: string;
}

/** Why a rename was refused; `reason` is a label the adapter localizes. */
export interface RenameRefusal {
  refused: 'notRenamable' | 'emptyName' | 'nameTaken';
}

/** Checks the cursor is on something renamable, and offers its name. */
export function prepareRename(index: WorkspaceIndex, uri: string, position: Position): PrepareRenameResult | RenameRefusal {
  const symbol = symbolAt(index, uri, position);
  if (!symbol) return { refused: 'notRenamable' };
  return { range: symbol.originRange, placeholder: symbol.target.item.name };
}

/**
 * The edits that give the item under the cursor a new name: the heading text (prefix
 * kept) and each reference's slug; link texts equal to the old name follow the new name.
 */
export function rename(index: WorkspaceIndex, uri: string, position: Position, newName: string): TextEdit[] | RenameRefusal {
  const symbol = symbolAt(index, uri, position);
  if (!symbol) return { refused: 'notRenamable' };
  const name = newName.trim().replace(/^[@#]+/, '').trim();
  const newSlug = slug(name);
  if (!name || !newSlug) return { refused: 'emptyName' };
  const { target } = symbol;
  const definingDoc = index.get(target.uri);
  const taken = definingDoc && allItems(definingDoc).some((item) => item !== target.item && item.kind === target.item.kind && item.id === newSlug);
  if (taken) return { refused: 'nameTaken' };

  const edits: TextEdit[] = [{ uri: target.uri, range: target.item.nameRange, newText: name }];
  for (const { uri: refUri, ref } of index.referencesTo(target.uri, target.item.id, target.item.kind)) {
    edits.push({ uri: refUri, range: ref.slugRange, newText: newSlug });
    if (ref.form === 'link') {
      const linkText = linkTextRange(ref.text, ref.range);
      if (linkText && linkText.text.trim() === target.item.name) {
        edits.push({ uri: refUri, range: linkText.range, newText: name });
      }
    }
  }
  return edits;
}

/** The range of `text` in `[text](target)`, when the link sits on one line. */
function linkTextRange(source: string, whole: Range): { text: string; range: Range } | undefined {
  if (whole.start.line !== whole.end.line || !source.startsWith('[')) return undefined;
  const close = source.indexOf('](');
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
