/**
 * The rule runner: every rule over one document, with the configured severities, in
 * source order. Per-item checks that found nothing are remembered per ids version, so an
 * edit re-checks only the items it touched. The same check also runs in steps (a
 * generator pausing after each rule and every few items), so a host can give the editor a
 * turn during a large file's first check (issue 13); run to its end, it is the one-shot
 * check, by construction.
 */
import type { BlueprintDocument, Diagnostic, Item, Lang } from '../model';
import { itemMovedFrom } from '../parse/build';
import type { BlueprintConfig } from '../config';
import { severityFor } from '../config';
import { allRules } from '../rules/registry';
import type { Report, Rule, RuleContext } from '../rules/types';
import { formatMessage } from '../i18n/message-catalogue';
import type { WorkspaceIndex } from './index-types';
import { fileProblemDiagnostics } from './file-problem-diagnostics';
import { runToEnd } from '../steps';

/** Items checked between two pauses of a stepped check. */
const ITEMS_PER_STEP = 48;

/** Items a check found clean, to be remembered once the check is known to stand (see `remember`). */
export type CleanItems = Array<{ rule: string; item: Item }>;

export class RuleRunner {
  /** Per rule: items whose last per-item check found nothing, with the ids version it ran at. */
  private readonly cleanItems = new Map<string, WeakMap<Item, number>>();

  /** Parse problems and every rule's findings for one document, with configured severities, in source order. */
  diagnostics(doc: BlueprintDocument, index: WorkspaceIndex, config: BlueprintConfig, idsVersion: number | undefined): Diagnostic[] {
    return runToEnd(this.diagnosticsInSteps(doc, index, config, idsVersion));
  }

  /**
   * The same check in steps. With `idsVersion` undefined nothing is reused; items found
   * clean are then added to `found` when given, for `remember`.
   */
  *diagnosticsInSteps(doc: BlueprintDocument, index: WorkspaceIndex, config: BlueprintConfig, idsVersion: number | undefined, found?: CleanItems): Generator<void, Diagnostic[], void> {
    const uri = doc.uri;
    const locale: Lang = config.locale ?? doc.lang;
    const result: Diagnostic[] = doc.problems.map((problem) => ({
      uri,
      range: problem.range,
      rule: 'parse',
      severity: problem.severity,
      message: formatMessage(locale, problem.message, problem.args),
    }));
    result.push(...fileProblemDiagnostics(doc, index, locale));
    for (const rule of allRules) {
      const severity = severityFor(config, rule.id);
      if (severity === 'off') continue;
      const report = (found: Report): void => {
        result.push({
          uri,
          range: found.range,
          rule: rule.id,
          severity,
          message: formatMessage(locale, found.message, found.args),
          ...(found.tags ? { tags: found.tags } : {}),
          ...(found.fixes && found.fixes.length > 0 ? { fixes: found.fixes } : {}),
        });
      };
      try {
        const context: RuleContext = { doc, index, locale, report };
        rule.check?.(context);
        if (rule.checkItem && rule.itemsOf) yield* this.checkItems(rule, context, idsVersion, found);
      } catch (error) {
        // A rule bug must not hide every other finding; say which rule failed.
        result.push({
          uri,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          rule: rule.id,
          severity: 'error',
          message: `Internal error in rule ${rule.id}: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      yield;
    }
    return result.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        a.rule.localeCompare(b.rule),
    );
  }

  /** Remembers items a check without reuse found clean, as found at `idsVersion` (its answers must hold at that version). */
  remember(found: CleanItems, idsVersion: number): void {
    for (const { rule, item } of found) this.cleanOf(rule).set(item, idsVersion);
  }

  private cleanOf(ruleId: string): WeakMap<Item, number> {
    let clean = this.cleanItems.get(ruleId);
    if (!clean) {
      clean = new WeakMap();
      this.cleanItems.set(ruleId, clean);
    }
    return clean;
  }

  /**
   * Run a rule's per-item check, skipping items whose last check found nothing while the
   * ids in the workspace have not changed since. Only clean results are kept: a finding
   * may carry fixes whose edits point outside the item, which move with other edits.
   */
  private *checkItems(rule: Rule, context: RuleContext, idsVersion: number | undefined, found: CleanItems | undefined): Generator<void, void, void> {
    let count = 0;
    if (idsVersion === undefined) {
      // No reuse (a recorded check must ask every question).
      for (const item of rule.itemsOf!(context.doc)) {
        if (found) {
          let reported = false;
          rule.checkItem!({ ...context, report: (report) => ((reported = true), context.report(report)) }, item);
          if (!reported) found.push({ rule: rule.id, item });
        } else rule.checkItem!(context, item);
        if (++count % ITEMS_PER_STEP === 0) yield;
      }
      return;
    }
    const clean = this.cleanOf(rule.id);
    for (const item of rule.itemsOf!(context.doc)) {
      if (clean.get(item) === idsVersion) continue;
      const movedFrom = itemMovedFrom(item);
      if (movedFrom && clean.get(movedFrom) === idsVersion) {
        // Only its lines moved: its content, and so its result, is that of the item it was.
        clean.set(item, idsVersion);
        continue;
      }
      let reported = false;
      rule.checkItem!({ ...context, report: (report) => ((reported = true), context.report(report)) }, item);
      if (reported) clean.delete(item);
      else clean.set(item, idsVersion);
      if (++count % ITEMS_PER_STEP === 0) yield;
    }
  }
}
