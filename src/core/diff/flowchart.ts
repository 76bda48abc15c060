/**
 * The head version's journey as a Mermaid flowchart for a pull-request comment: stages
 * as subgraphs, steps in order, changed steps coloured (added, changed, moved). Text is
 * reduced by `mermaidText` (no quotes, brackets, directives or HTML), so a blueprint
 * cannot reconfigure Mermaid or add links; node ids are the renderer's own.
 */
import type { BlueprintDocument, Step } from '../model';
import { mermaidText } from '../render/mermaid';
import { stepMarks, type StepMark } from './marks';
import type { Change } from './types';

/** Above this many steps only the changed steps (and their stages) are drawn. */
export const MAX_CHART_STEPS = 80;

const CLASS_DEFS: Record<StepMark, string> = {
  added: 'fill:#dafbe1,stroke:#1a7f37,stroke-width:2px,color:#1f2328',
  changed: 'fill:#fff8c5,stroke:#9a6700,stroke-width:2px,color:#1f2328',
  moved: 'fill:#ddf4ff,stroke:#0969da,stroke-width:2px,stroke-dasharray:4 2,color:#1f2328',
};

export interface Flowchart {
  source: string;
  /** Steps drawn, and in the journey. */
  shown: number;
  total: number;
}

export function journeyFlowchart(doc: BlueprintDocument, changes: readonly Change[]): Flowchart {
  const marks = stepMarks(changes);
  const all = doc.steps;
  const steps = all.length > MAX_CHART_STEPS ? all.filter((step) => marks.has(step.id)).slice(0, MAX_CHART_STEPS) : all;
  const ids = new Map<Step, string>(steps.map((step, i) => [step, `n${i}`]));
  const numbers = new Map<Step, number>(all.map((step, i) => [step, i + 1]));
  const lines = ['flowchart LR'];
  let stage: string | undefined | null = null;
  let subgraphs = 0;
  for (const step of steps) {
    if (step.stage !== stage) {
      if (stage) lines.push('  end');
      stage = step.stage;
      const name = doc.stages.find((s) => s.id === stage)?.name;
      if (stage) lines.push(`  subgraph s${subgraphs++}["${mermaidText(name ?? stage) || '…'}"]`);
    }
    const label = `${numbers.get(step)}. ${mermaidText(step.name) || '…'}`;
    lines.push(`${stage ? '    ' : '  '}${ids.get(step)}["${label}"]`);
  }
  if (stage) lines.push('  end');
  if (steps.length > 1) lines.push(`  ${steps.map((step) => ids.get(step)).join(' --> ')}`);
  for (const [mark, style] of Object.entries(CLASS_DEFS)) lines.push(`  classDef ${mark} ${style}`);
  for (const mark of ['added', 'changed', 'moved'] as const) {
    const marked = steps.filter((step) => marks.get(step.id) === mark).map((step) => ids.get(step));
    if (marked.length > 0) lines.push(`  class ${marked.join(',')} ${mark}`);
  }
  return { source: `${lines.join('\n')}\n`, shown: steps.length, total: all.length };
}
