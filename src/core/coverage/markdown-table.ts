/**
 * The coverage as a Markdown table for pull-request comments and job summaries: personas
 * as rows (vulnerable mark, heard, tested), stages as columns, then rows for the stages'
 * steps, steps without persona and basis. Words in the file's language. Every text from
 * the blueprint is escaped: it comes from untrusted pull requests.
 */
import { MAX_COVERAGE_CELLS, type Coverage } from './coverage';
import { coverageLabelsFor } from './coverage-labels';
import { codeSpanText, markdownText } from '../safe-text';

/**
 * A table cell: one line, shown literally (no links, images, HTML, emphasis or mentions;
 * `|` cannot end the cell), control and bidi characters as visible escapes.
 */
export function markdownCell(text: string): string {
  return markdownText(text);
}

/** Marks a vulnerable persona and the stages it is missing from. */
export const VULNERABLE_MARK = '⚠️';

/** The coverage of one file as Markdown; `file` is the path shown. Ends with a newline. */
export function coverageToMarkdown(coverage: Coverage, file: string, headingLevel = 3): string {
  const labels = coverageLabelsFor(coverage.lang);
  const heading = '#'.repeat(Math.min(6, Math.max(1, headingLevel)));
  const title = coverage.title ? `${markdownCell(coverage.title)} (\`${codeSpanText(file)}\`)` : `\`${codeSpanText(file)}\``;
  const out = [`${heading} ${labels.heading}: ${title}`, ''];
  if (coverage.stages.length === 0) out.push(labels.noJourney, '');
  if (coverage.personas.length === 0) out.push(labels.noPersonas, '');
  if (coverage.stages.length === 0 && coverage.personas.length === 0) return out.join('\n');

  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  out.push(
    row([labels.persona, labels.vulnerable, labels.heard, labels.tested, ...coverage.stages.map((stage) => markdownCell(stage.title))]),
    row(['---', ':---:', ':---:', ':---:', ...coverage.stages.map(() => '---:')]),
  );
  for (const persona of coverage.personas) {
    const cells = persona.cells.map((cell) => (cell.steps === 0 && persona.vulnerable ? `${VULNERABLE_MARK} 0` : String(cell.steps)));
    out.push(row([
      markdownCell(persona.name),
      persona.vulnerable ? `${VULNERABLE_MARK} ${labels.yes}` : labels.no,
      persona.heard.length > 0 ? `${labels.yes} (${persona.heard.length})` : labels.no,
      persona.tested.length > 0 ? `${labels.yes} (${persona.tested.length})` : labels.no,
      ...cells,
    ]));
  }
  if (coverage.stages.length > 0) {
    const footer = (label: string, values: string[]): string => row([`*${label}*`, '', '', '', ...values]);
    const basis = labels.basisValues;
    out.push(
      footer(labels.steps, coverage.stages.map((s) => String(s.steps))),
      footer(labels.withoutPersona, coverage.stages.map((s) => String(s.withoutPersona))),
      footer(`${labels.basis}: ${basis.heard} / ${basis.assumed} / ${basis.proposed} / ${basis.none}`,
        coverage.stages.map((s) => `${s.basis.heard} / ${s.basis.assumed} / ${s.basis.proposed} / ${s.basis.none}`)),
    );
  }
  out.push('');
  if (coverage.omittedPersonas > 0) out.push(labels.omitted(coverage.omittedPersonas, MAX_COVERAGE_CELLS), '');
  if (coverage.unknownPersonas.length > 0) {
    out.push(`${labels.unknownPersonas}:`, '');
    for (const unknown of coverage.unknownPersonas) {
      const where = coverage.stages.filter((_, i) => unknown.cells[i].steps > 0).map((s) => markdownCell(s.title)).join(', ');
      out.push(`- \`@${codeSpanText(unknown.id)}\`${where ? `: ${where}` : ''}`);
    }
    out.push('');
  }
  return out.join('\n');
}
