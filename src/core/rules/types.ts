/**
 * The shape of a rule. Rules are data: per rule a code file `src/core/rules/<id>.ts` (a
 * `RuleCode`: id, severity, fixes, checks) and a doc source `<id>.md` (description,
 * rationale, how to fix, messages, examples, as Markdown). `registry.ts` lists the code;
 * `npm run docs:rules` turns the doc sources into `docs.generated.ts`, from which the
 * registry completes each `Rule`.
 */
import type { BlueprintDocument, Diagnostic, Fix, Item, Lang, Range, Severity } from '../model';
import type { WorkspaceIndex } from '../workspace/index-types';
import type { MessageKey, MessageArgs } from '../i18n/message-catalogue';

/** Severity as configured: a rule may also be switched off. */
export type ConfiguredSeverity = Severity | 'off';

/** A rule's texts, from its doc source (through `docs.generated.ts`). */
export interface RuleDocText {
  description: string;
  rationale: string;
  howToFix: string;
  examples: RuleExamples;
  /** The catalogue keys of its findings, as its doc source lists them. */
  messages: readonly string[];
}

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
  examples: RuleExamples;
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

/** What a rule's code file declares; its texts come from its doc source. */
export type RuleCode = Pick<RuleMeta, 'id' | 'defaultSeverity' | 'fixable'> & RuleChecks;

/** A rule as the registry gives it: code and texts. */
export type Rule = RuleMeta & RuleChecks;

export interface RuleChecks {
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
