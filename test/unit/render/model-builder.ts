/**
 * Hand-built blueprint models for renderer tests, so they do not depend on the parser:
 * every item and field gets its own source line, counted in order.
 */
import { fieldSpec } from '../../../src/core/lanes';
import type {
  BlueprintDocument, Field, Lang, Persona, Range, Reference, Stage, Step, Story,
} from '../../../src/core/model';

export interface StepSpec {
  name: string;
  id?: string;
  fields?: Array<[string, string]>;
}

export interface StageSpec {
  name?: string;
  fields?: Array<[string, string]>;
  steps: StepSpec[];
}

export interface DocSpec {
  title?: string;
  lang?: Lang;
  personas?: string[];
  stories?: string[];
  stages: StageSpec[];
  uri?: string;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-');
}

function lineRange(line: number, end = 80): Range {
  return { start: { line, character: 0 }, end: { line, character: end } };
}

/** Build a document: stages without a name hold steps that sit under no stage. */
export function buildDoc(spec: DocSpec): BlueprintDocument {
  const uri = spec.uri ?? 'file:///work/test.blueprint.md';
  let line = 0;
  const references: Reference[] = [];
  const next = () => line++;

  const base = (name: string, depth: number, id?: string) => {
    const at = next();
    return {
      id: id ?? slug(name), name, depth, headingRange: lineRange(at), nameRange: lineRange(at),
      range: lineRange(at), fields: [] as Field[], description: '',
      fieldInsertPosition: { line: at + 1, character: 0 }, hasFieldList: false,
    };
  };
  const close = (item: { range: Range }) => { item.range = { start: item.range.start, end: { line: Math.max(line - 1, item.range.start.line), character: 80 } }; };
  const makeFields = (itemId: string, pairs: Array<[string, string]> = []): Field[] =>
    pairs.map(([rawKey, value]) => {
      const at = next();
      const known = fieldSpec(rawKey);
      const prefix = `- ${rawKey}: `;
      const field: Field = {
        key: known?.key ?? rawKey.toLowerCase(), rawKey, known: Boolean(known), value, markdown: value,
        keyRange: lineRange(at, 2 + rawKey.length), valueRange: { start: { line: at, character: prefix.length }, end: { line: at, character: prefix.length + value.length } },
        range: { start: { line: at, character: 0 }, end: { line: at, character: prefix.length + value.length } },
        entries: [],
      };
      if (known?.references) {
        const kind = known.references;
        for (const match of value.matchAll(kind === 'persona' ? /@([\p{L}\p{N}_-]+)/gu : /#([\p{L}\p{N}_-]+)/gu)) {
          const start = prefix.length + (match.index ?? 0);
          const r: Range = { start: { line: at, character: start }, end: { line: at, character: start + match[0].length } };
          references.push({ kind, form: kind === 'persona' ? 'at' : 'hash', slug: match[1].toLowerCase(), text: match[0], range: r, slugRange: r, field: known.key, fromItem: itemId });
        }
      }
      return field;
    });

  next(); // title heading
  const personas: Persona[] = (spec.personas ?? []).map((name) => {
    const item = base(name, 3);
    close(item);
    return { ...item, kind: 'persona', heard: [] };
  });
  const stories: Story[] = (spec.stories ?? []).map((name) => {
    const item = base(name, 3);
    close(item);
    return { ...item, kind: 'story' };
  });
  next(); // journey heading
  const stages: Stage[] = [];
  const steps: Step[] = [];
  for (const stageSpec of spec.stages) {
    let stage: Stage | undefined;
    if (stageSpec.name !== undefined) {
      const item = base(stageSpec.name, 3);
      stage = { ...item, kind: 'stage', steps: [] };
      stage.fields = makeFields(stage.id, stageSpec.fields);
      stages.push(stage);
    }
    for (const stepSpec of stageSpec.steps) {
      const item = base(stepSpec.name, stage ? 4 : 3, stepSpec.id);
      const step: Step = { ...item, kind: 'step', stage: stage?.id };
      step.fields = makeFields(step.id, stepSpec.fields);
      close(step);
      steps.push(step);
      stage?.steps.push(step);
    }
    if (stage) close(stage);
  }
  return {
    uri, text: '', lang: spec.lang ?? 'en', title: spec.title, sections: [], personas, stories, stages, steps,
    references, problems: [], lineCount: line,
  };
}
