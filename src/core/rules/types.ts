/**
 * The shape of a rule. Rules are data: one file per rule under `src/core/rules/`,
 * listed in `registry.ts`; `docs/rules/<id>.md` is checked against them by a test.
 */
import type { BlueprintDocument, Diagnostic, Fix, Item, Lang, Range, Severity } from '../model';
import type { WorkspaceIndex } from '../workspace/index-types';
import type { MessageKey, MessageArgs } from '../i18n/message-catalogue';

/** Severity as configured: a rule may also be switched off. */
export type ConfiguredSeverity = Severity | 'off';

export interface RuleMeta {
  /** Stable id; part of the interface (CLI output, settings, docs URLs). */
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule flags. */
  description: string;
  /** Why it matters for co-creation with citizens. */
  rationale: string;
  /** How to fix it, in words. */
  howToFix: string;
  /** Repository-relative path of its doc page: `docs/rules/<id>.md`. */
  docs: string;
  /** True when the rule offers quick fixes. */
  fixable: boolean;
  /**
   * Small English blueprints for the docs page: one that makes the rule fire and one that
   * passes. A test runs both through the workspace, so the docs cannot drift from the rule.
   */
  examples?: RuleExamples;
}

export interface RuleExamples {
  /** A complete blueprint file on which the rule reports at least once. */
  fires: string;
  /** The same blueprint, fixed: the rule does not report. */
  passes: string;
}

export interface Report {
  range: Range;
  message: MessageKey;
  args?: MessageArgs;
  fixes?: Fix[];
  tags?: Array<'unnecessary'>;
}

export interface RuleContext {
  doc: BlueprintDocument;
  /** Everything known across files: personas, stories and steps by slug, usage counts. */
  index: WorkspaceIndex;
  /** Language for messages (the file's keyword language unless configured otherwise). */
  locale: Lang;
  report(report: Report): void;
}

export interface Rule extends RuleMeta {
  /** Findings about the document as a whole (front matter, across items). */
  check?(context: RuleContext): void;
  /**
   * Findings about one item, that depend only on that item, the document's language and
   * the ids in scope (and which files exist). The workspace runs it for each of
   * `itemsOf(doc)` and skips an item whose last check found nothing while the item
   * object and those ids are unchanged: after a one-line edit, only the edited item is
   * checked again.
   */
  checkItem?(context: RuleContext, item: Item): void;
  /** The items `checkItem` looks at. */
  itemsOf?(doc: BlueprintDocument): readonly Item[];
}

export type { Diagnostic };
