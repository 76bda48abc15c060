/**
 * The coverage for a terminal: per file a table of personas (rows) by stages (columns),
 * the vulnerable persona's empty stages in yellow, then the stages' steps, steps without
 * persona and basis, and the personas defined nowhere.
 */
import type { Coverage } from '../../core';
import { coverageLabelsFor, MAX_COVERAGE_CELLS } from '../../core';
import type { Paint } from '../format/colors';
import { terminalLine } from '../format/safe-text';

/** Pad to a width measured in code points (names carry accents, marks are one character). */
function pad(text: string, width: number, right = false): string {
  const gap = ' '.repeat(Math.max(0, width - [...text].length));
  return right ? gap + text : text + gap;
}

/** Blueprint text on one line, control and bidi characters shown as visible escapes. */
const oneLine = terminalLine;

/** One file's coverage; ends with a blank line. */
export function formatCoverageStylish(coverage: Coverage, file: string, paint: Paint): string {
  const labels = coverageLabelsFor(coverage.lang);
  const out = [paint('underline', terminalLine(file)) + (coverage.title ? `  ${oneLine(coverage.title)}` : '')];
  const heads = [labels.persona, labels.vulnerable, labels.heard, labels.tested, ...coverage.stages.map((s) => oneLine(s.title))];
  const rows: Array<{ cells: string[]; highlight: boolean[] }> = coverage.personas.map((persona) => ({
    cells: [
      oneLine(persona.name),
      persona.vulnerable ? `! ${labels.yes}` : labels.no,
      persona.heard.length > 0 ? labels.yes : labels.no,
      persona.tested.length > 0 ? `${labels.yes} (${persona.tested.length})` : labels.no,
      ...persona.cells.map((cell) => String(cell.steps)),
    ],
    highlight: [false, persona.vulnerable, persona.heard.length === 0, false, ...persona.cells.map((cell) => persona.vulnerable && cell.steps === 0)],
  }));
  const basis = labels.basisValues;
  const footers = coverage.stages.length === 0 ? [] : [
    [labels.steps, '', '', '', ...coverage.stages.map((s) => String(s.steps))],
    [labels.withoutPersona, '', '', '', ...coverage.stages.map((s) => String(s.withoutPersona))],
    [`${labels.basis} ${basis.heard}/${basis.assumed}/${basis.proposed}/${basis.none}`, '', '', '',
      ...coverage.stages.map((s) => `${s.basis.heard}/${s.basis.assumed}/${s.basis.proposed}/${s.basis.none}`)],
  ];
  const all = [heads, ...rows.map((r) => r.cells), ...footers];
  // A loop, not Math.max(...rows): a spread of 100,000 rows overflows the stack.
  const widths = heads.map((_, i) => all.reduce((widest, cells) => Math.max(widest, [...(cells[i] ?? '')].length), 0));
  // Numbers align right, words left; padding is measured before colouring.
  const line = (cells: string[], highlight: boolean[] = []): string => '  ' + cells.map((cell, i) => {
    const padded = pad(cell, widths[i], i >= 4);
    return highlight[i] ? paint('yellow', padded) : padded;
  }).join('  ').trimEnd();
  out.push(paint('bold', line(heads)));
  for (const row of rows) out.push(line(row.cells, row.highlight));
  for (const footer of footers) out.push(paint('dim', line(footer)));
  if (coverage.personas.length === 0) out.push(`  ${labels.noPersonas}`);
  if (coverage.omittedPersonas > 0) out.push(`  ${labels.omitted(coverage.omittedPersonas, MAX_COVERAGE_CELLS)}`);
  if (coverage.unknownPersonas.length > 0) {
    out.push('', `  ${labels.unknownPersonas}: ${coverage.unknownPersonas.map((u) => paint('red', `@${oneLine(u.id)}`)).join(', ')}`);
  }
  out.push('');
  return out.join('\n') + '\n';
}
