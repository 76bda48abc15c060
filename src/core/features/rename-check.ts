/**
 * The safety net under rename: the edits are applied to copies of the texts and parsed
 * again; the rename goes ahead only when the heading reads back as the new name with the
 * new id, every edited reference reads back as the new id, and nothing else changed
 * meaning (no reference, item or parse problem appeared, vanished or changed).
 */
import { allItems, type BlueprintDocument, type Item, type Reference, type TextEdit } from '../model';
import { escapeInline } from '../parse/escape';
import { parseWhole } from '../parse/parser';
import type { Located, WorkspaceIndex } from '../workspace/index-types';
import { applyTextEdits } from './positions';
import type { RenameRefusal } from './rename';

export interface RenamePlan {
  target: Located;
  /** The new name, as the heading must read. */
  name: string;
  newId: string;
  edits: TextEdit[];
  /** The references being rewritten. */
  references: Array<{ uri: string; ref: Reference }>;
}

/** A refusal when the planned edits would not read back as intended, else undefined. */
export function verifyRename(index: WorkspaceIndex, plan: RenamePlan): RenameRefusal | undefined {
  const byUri = new Map<string, TextEdit[]>();
  for (const edit of plan.edits) {
    // Appended in place: copying the list for each edit was quadratic in a file's references.
    const edits = byUri.get(edit.uri);
    if (edits) edits.push(edit);
    else byUri.set(edit.uri, [edit]);
  }
  for (const [uri, edits] of byUri) {
    const before = index.get(uri);
    if (!before) return { refused: 'unsafe' };
    const text = applyTextEdits(before.text, edits);
    const after = parseWhole(text, uri);
    if (before.problems.length !== after.problems.length) return { refused: uri === plan.target.uri ? 'notAHeading' : 'unsafe' };
    const renamed = uri === plan.target.uri ? plan.target.item : undefined;
    const itemProblem = compareItems(before, after, renamed, plan) ?? (renamed ? checkNameRange(after, text, before, renamed, plan) : undefined);
    if (itemProblem) return itemProblem;
    const edited = new Set(plan.references.filter((entry) => entry.uri === uri).map((entry) => entry.ref));
    const referenceProblem = compareReferences(before.references, after.references, edited, plan.newId);
    if (referenceProblem) return referenceProblem;
  }
  return undefined;
}

/** Every item keeps its kind and id, except the renamed one, which must read back as the new name. */
function compareItems(before: BlueprintDocument, after: BlueprintDocument, renamed: Item | undefined, plan: RenamePlan): RenameRefusal | undefined {
  const old = allItems(before);
  const now = allItems(after);
  if (old.length !== now.length) return { refused: renamed ? 'notAHeading' : 'unsafe' };
  for (let i = 0; i < old.length; i++) {
    if (old[i] === renamed) {
      if (now[i].kind !== renamed.kind || now[i].name !== plan.name || now[i].id !== plan.newId) return { refused: 'notAHeading' };
    } else if (now[i].kind !== old[i].kind || now[i].id !== old[i].id) {
      return { refused: 'unsafe' };
    }
  }
  return undefined;
}

/** The renamed heading's name range holds exactly the written name, so the next rename replaces all of it. */
function checkNameRange(after: BlueprintDocument, text: string, before: BlueprintDocument, renamed: Item, plan: RenamePlan): RenameRefusal | undefined {
  const item = allItems(after)[allItems(before).indexOf(renamed)];
  const { start, end } = item.nameRange;
  const line = text.split('\n')[start.line] ?? '';
  const written = start.line === end.line ? line.slice(start.character, end.character) : undefined;
  return written === escapeInline(plan.name) ? undefined : { refused: 'notAHeading' };
}

/** References keep their order, kind, form and target; the edited ones now name the new id, the others what they named. */
function compareReferences(old: readonly Reference[], now: readonly Reference[], edited: Set<Reference>, newId: string): RenameRefusal | undefined {
  // A rewritten reference that no longer reads as one (`@--`) is the usual cause of a lost reference.
  if (old.length !== now.length) return edited.size > 0 ? { refused: 'notAReference', id: newId } : { refused: 'unsafe' };
  for (let i = 0; i < old.length; i++) {
    const [was, is] = [old[i], now[i]];
    if (is.kind !== was.kind || is.form !== was.form || (is.target ?? '') !== (was.target ?? '')) return { refused: 'unsafe' };
    if (is.slug !== (edited.has(was) ? newId : was.slug)) return edited.has(was) ? { refused: 'notAReference', id: newId } : { refused: 'unsafe' };
  }
  return undefined;
}
