/**
 * Core figures: whole-document remark parse, full check, and one-line edits re-analysed
 * through the same workspace the editor uses.
 */
import { createBlueprintService, parseMarkdown } from '../src/core';
import { median, seeded, time } from './stats';

export interface CoreFigures {
  steps: number;
  lines: number;
  remarkParse: number;
  fullCheck: number;
  editParse: number;
  editReanalysis: number;
  newlineReanalysis: number;
}

const URI = 'file:///bench/generated.blueprint.md';

export function measureCore(text: string, steps: number, edits = 60): CoreFigures {
  const host = { readFile: async (): Promise<string | undefined> => undefined };
  const remarkParse = median([0, 1, 2].map(() => time(() => parseMarkdown(text))));
  const fullCheck = median(
    [0, 1, 2].map(() =>
      time(() => {
        const workspace = createBlueprintService(host);
        workspace.setText(URI, text);
        workspace.diagnostics(URI);
      }),
    ),
  );

  const workspace = createBlueprintService(host);
  workspace.setText(URI, text);
  workspace.diagnostics(URI);
  const lines = text.split('\n');
  const journeyStart = lines.indexOf('## Journey');
  const random = seeded(42);
  const parseTimes: number[] = [];
  const reanalysisTimes: number[] = [];
  const newlineTimes: number[] = [];
  let current = lines;
  for (let i = 0; i < edits; i++) {
    // A keystroke: one character typed at the end of a random line of the journey.
    const line = journeyStart + 1 + Math.floor(random() * (current.length - journeyStart - 1));
    const edited = current.slice();
    edited[line] = edited[line] + (i % 2 ? 'x' : ' ');
    const editedText = edited.join('\n');
    let parse = 0;
    reanalysisTimes.push(
      time(() => {
        parse = time(() => workspace.setText(URI, editedText));
        workspace.diagnostics(URI);
      }),
    );
    parseTimes.push(parse);
    current = edited;
  }
  for (let i = 0; i < Math.min(20, edits); i++) {
    // Enter pressed: a new empty line, which moves every line below it.
    const line = journeyStart + 1 + Math.floor(random() * (current.length - journeyStart - 1));
    const edited = current.slice();
    edited.splice(line, 0, '');
    const editedText = edited.join('\n');
    newlineTimes.push(
      time(() => {
        workspace.setText(URI, editedText);
        workspace.diagnostics(URI);
      }),
    );
    current = edited;
  }
  return {
    steps,
    lines: lines.length,
    remarkParse,
    fullCheck,
    editParse: median(parseTimes),
    editReanalysis: median(reanalysisTimes),
    newlineReanalysis: median(newlineTimes),
  };
}
