/**
 * `blueprint diff` for a terminal: per file its status and headline, what needs
 * attention, then the changes grouped by stage, then findings new and fixed.
 */
import { countChanges, describeAttention, describeChange, headline, type Change, type FileDiff, type Lang } from '../../core';
import type { Paint } from '../format/colors';
import type { Comparison } from './compare';
import { terminalLine as t } from '../format/safe-text';

function stageOf(change: Change): string | null | undefined {
  if ('stage' in change && change.kind !== 'stage-added' && change.kind !== 'stage-removed' && change.kind !== 'stage-renamed') return change.stage;
  return undefined;
}

function fileBlock(diff: FileDiff, locale: Lang, paint: Paint): string[] {
  // Every text from a blueprint (names, messages, paths) goes through `t`: control and
  // bidi characters are shown as visible escapes, never sent to the terminal.
  const title = diff.previous ? `${t(diff.previous)} → ${t(diff.file)}` : t(diff.file);
  const out = [`${paint('underline', title)} ${paint('dim', `(${diff.status})`)}`, `  ${t(headline(countChanges(diff.changes, diff.attention), locale))}`];
  for (const point of diff.attention) out.push(`  ${paint('yellow', '⚠')} ${String(point.line).padStart(4)}  ${t(describeAttention(point, locale))}`);
  const other = diff.changes.filter((c) => stageOf(c) === undefined && !c.kind.startsWith('finding-'));
  for (const change of other) out.push(`  ${String(change.line).padStart(6)}  ${t(describeChange(change, locale))}`);
  const byStage = new Map<string, Change[]>();
  for (const change of diff.changes) {
    const stage = stageOf(change);
    if (stage === undefined) continue;
    const key = stage ?? '';
    // Appended in place: copying the list for each change was quadratic in a stage's changes.
    const list = byStage.get(key);
    if (list) list.push(change);
    else byStage.set(key, [change]);
  }
  for (const [stage, changes] of byStage) {
    out.push(`  ${paint('bold', t(stage) || (locale === 'nl' ? '(geen fase)' : '(no stage)'))}`);
    for (const change of changes) {
      const name = 'name' in change ? t(change.name) : '';
      const colour = (text: string): string => (change.kind === 'step-added' ? paint('green', text) : change.kind === 'step-removed' ? paint('red', text) : text);
      out.push(`    ${String(change.line).padStart(4)}  ${colour(name)}  ${paint('dim', t(describeChange(change, locale)))}`);
    }
  }
  for (const change of diff.changes) {
    if (change.kind !== 'finding-new' && change.kind !== 'finding-fixed') continue;
    const mark = change.kind === 'finding-new' ? paint('red', '+') : paint('green', '-');
    out.push(`  ${mark} ${`${change.line}:${change.column}`.padStart(7)}  ${change.severity.padEnd(7)}  ${t(change.message)}  ${paint('dim', t(change.rule))}`);
  }
  return out;
}

export function formatDiffStylish(comparison: Comparison, locale: Lang, paint: Paint): string {
  const { report } = comparison;
  const out: string[] = [paint('dim', `${t(report.base)} → ${t(report.head)}`), ''];
  if (report.files.length === 0) out.push(nothingChanged(comparison.problems.length, locale));
  for (const diff of report.files) {
    for (const line of fileBlock(diff, locale, paint)) out.push(line);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * The line for a report without changes. Files that could not be read are named on
 * standard error after the report: "no blueprint changed" alone would read as all clear.
 */
function nothingChanged(unread: number, locale: Lang): string {
  if (unread === 0) return locale === 'nl' ? 'Geen blauwdrukken gewijzigd.' : 'No blueprint changed.';
  if (locale === 'nl') return `Geen leesbare blauwdrukken gewijzigd; ${unread === 1 ? '1 bestand kon' : `${unread} bestanden konden`} niet worden vergeleken (hieronder genoemd).`;
  return `No readable blueprint changed; ${unread === 1 ? '1 file' : `${unread} files`} could not be compared (named below).`;
}
