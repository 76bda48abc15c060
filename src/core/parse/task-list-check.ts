/**
 * GFM task lists in mdast, with a check outside a list item read as the text it is.
 *
 * micromark-util-subtokenize 2.1.0 marks the first content after an *empty* list item as
 * "first content of a list item" even when that content lies outside the item:
 *
 * ```markdown
 * -
 * [x] a
 * ```
 *
 * is an empty item and then the paragraph `[x] a` (CommonMark, and GitHub, show it so), but
 * micromark-extension-gfm-task-list-item 2.1.0 then reads `[x]` as a task check there, and
 * mdast-util-gfm-task-list-item 2.0.1 drops the `[x]` from the paragraph and sets `checked`
 * on whatever node holds it (the root here, or an outer list item). Its development build
 * asserts instead. The check's tokens come through unchanged, so the repair is here: a check
 * counts only when its paragraph is the first child of a list item; any other is put back
 * as text, which the paragraph's following text then joins, giving the tree the text has
 * without the task-list extension. Reported upstream in docs/security.md.
 */
import type { Extension as FromMarkdownExtension, CompileContext, Token } from 'mdast-util-from-markdown';
import type { ListItem, Paragraph } from 'mdast';
import type { Point } from 'unist';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';

/** The list item a check belongs to, or undefined when its paragraph is not an item's first child. */
function itemOfCheck(context: CompileContext): ListItem | undefined {
  // While a check is read the stack ends [..., parent, paragraph]; the paragraph is already
  // the parent's last child.
  const parent = context.stack[context.stack.length - 2];
  return parent?.type === 'listItem' && parent.children.length === 1 ? parent : undefined;
}

function pointOf(point: Token['start']): Point {
  return { line: point.line, column: point.column, offset: point.offset };
}

function exitCheckValue(this: CompileContext, token: Token): void {
  const item = itemOfCheck(this);
  if (item) item.checked = token.type === 'taskListCheckValueChecked';
}

function exitCheck(this: CompileContext, token: Token): void {
  if (itemOfCheck(this)) return;
  const paragraph = this.stack[this.stack.length - 1] as Paragraph;
  paragraph.children.push({
    type: 'text',
    value: this.sliceSerialize(token),
    position: { start: pointOf(token.start), end: pointOf(token.end) },
  });
}

/** mdast-util-gfm-task-list-item's reading side, with checks outside an item's first paragraph kept as text. */
export function taskListItemFromMarkdown(): FromMarkdownExtension {
  const upstream = gfmTaskListItemFromMarkdown();
  return {
    ...upstream,
    exit: {
      ...upstream.exit,
      taskListCheck: exitCheck,
      taskListCheckValueChecked: exitCheckValue,
      taskListCheckValueUnchecked: exitCheckValue,
    },
  };
}
