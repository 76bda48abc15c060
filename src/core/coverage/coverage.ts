/**
 * Who does the journey serve? Personas × stages for one blueprint: per persona how many
 * steps of each stage serve it (own or inherited persona), whether it was heard and with
 * which steps it was tested; per stage how many steps it has, how many have no persona and
 * what they rest on (`basis`). Personas the journey names but no file defines are listed
 * apart. Pure: the workspace index answers the cross-file questions.
 */
import type { BlueprintDocument, Lang, Persona, Reference, Stage, Step } from '../model';
import type { WorkspaceIndex } from '../workspace/index-types';
import { basisOfStep, emptyBasisCount, type BasisCount } from './basis';
import { coverageLabelsFor } from './coverage-labels';

/** What the coverage needs: the document, and the workspace for its personas files. */
export interface CoverageInput {
  doc: BlueprintDocument;
  /** Cross-file lookups; without it only the file's own personas are known. */
  index?: WorkspaceIndex;
}

/** A column of the matrix: a stage, or a run of steps that sit under no stage. */
export interface CoverageStage {
  /** The stage's id, made unique within the coverage (`-1`, `-2` appended to repeats). */
  id: string;
  title: string;
  /** False for a run of steps outside any stage. */
  staged: boolean;
  /** Source line to show: the stage heading, or the first step of an unstaged run. */
  line: number;
  steps: number;
  /** Steps with no persona, own or inherited. */
  withoutPersona: number;
  basis: BasisCount;
}

/** One persona in one stage. */
export interface CoverageCell {
  /** Steps of the stage that serve the persona. */
  steps: number;
  /** Of those, steps whose persona comes from the stage or the front matter. */
  inherited: number;
  /** The first of those steps: its id and heading line (for links to the source). */
  first?: { step: string; line: number };
}

export interface TestedStep {
  step: string;
  /** Id of the coverage stage the step sits in. */
  stage: string;
  line: number;
}

export interface CoveragePersona {
  id: string;
  name: string;
  vulnerable: boolean;
  /** The file that defines it, and its heading line there. */
  uri: string;
  line: number;
  /** `heard` entries: dates, how, by whom. Empty: not heard. */
  heard: string[];
  /** Steps whose `tested` names this persona, in journey order. */
  tested: TestedStep[];
  /** One cell per stage, in the order of `Coverage.stages`. */
  cells: CoverageCell[];
  /** Steps of the whole journey that serve the persona. */
  total: number;
}

/** A persona the journey names but no visible file defines. */
export interface UnknownCoveragePersona {
  id: string;
  cells: CoverageCell[];
  total: number;
}

export interface Coverage {
  uri: string;
  lang: Lang;
  title: string;
  stages: CoverageStage[];
  /** Personas visible from the file (own first, then its personas files), then any others the journey reaches. */
  personas: CoveragePersona[];
  unknownPersonas: UnknownCoveragePersona[];
  /**
   * Personas (known or not) left out so the table holds at most `MAX_COVERAGE_CELLS`
   * cells: a 50 KB file of 2,000 personas and 2,000 stages would otherwise be a table of
   * four million cells (a 173 MB JSON report). 0 for any real blueprint.
   */
  omittedPersonas: number;
}

/**
 * At most this many persona-by-stage cells per coverage: rows beyond it are counted in
 * `omittedPersonas`, not made. Far above real blueprints (50 personas by 30 stages is
 * 1,500 cells), low enough that the table stays a few megabytes.
 */
export const MAX_COVERAGE_CELLS = 100_000;

interface Group {
  stage: CoverageStage;
  steps: Step[];
}

/** The rows of the table, made while they fit in `MAX_COVERAGE_CELLS`; the others only counted. */
class Rows {
  readonly known = new Map<string, CoveragePersona>();
  readonly unknown = new Map<string, UnknownCoveragePersona>();
  private readonly omitted = new Set<string>();
  private readonly limit: number;

  constructor(private readonly stageCount: number) {
    this.limit = Math.floor(MAX_COVERAGE_CELLS / Math.max(1, stageCount));
  }

  get omittedCount(): number {
    return this.omitted.size;
  }

  /** Whether a new row fits; a row that does not is counted once under its key. */
  private fits(key: string): boolean {
    if (this.known.size + this.unknown.size < this.limit) return true;
    this.omitted.add(key);
    return false;
  }

  /** The row of a persona, made when it fits; undefined when it was left out. */
  persona(uri: string, item: Persona): CoveragePersona | undefined {
    let row = this.known.get(item.id);
    if (!row && this.fits(`persona:${item.id}`)) {
      row = personaRow(uri, item, this.stageCount);
      this.known.set(row.id, row);
    }
    return row;
  }

  /** The row of a persona that no file defines, made when it fits. */
  unknownPersona(slug: string): UnknownCoveragePersona | undefined {
    let row = this.unknown.get(slug);
    if (!row && this.fits(`unknown:${slug}`)) {
      row = { id: slug, cells: emptyCells(this.stageCount), total: 0 };
      this.unknown.set(slug, row);
    }
    return row;
  }
}

/** The coverage of a blueprint. Never throws on odd input. */
export function buildCoverage(input: CoverageInput): Coverage {
  const { doc } = input;
  const groups = groupSteps(doc);
  const stages = groups.map((group) => group.stage);
  const rows = new Rows(stages.length);
  for (const { uri, item } of visiblePersonas(input)) rows.persona(uri, item);

  groups.forEach((group, column) => {
    for (const step of group.steps) {
      const basis = basisOfStep(step);
      group.stage.basis[basis ?? 'none']++;
      const refs = uniqueBySlug(effectivePersonas(input, step));
      if (refs.length === 0) group.stage.withoutPersona++;
      const inherited = !step.references.some(isOwnPersonaRef);
      for (const ref of refs) {
        const persona = personaOf(input, ref);
        const row = persona ? rows.persona(persona.uri, persona.item) : rows.unknownPersona(ref.slug);
        if (!row) continue;
        countStep(row.cells[column] as CoverageCell, step, inherited);
        row.total++;
      }
      for (const ref of uniqueBySlug(step.references.filter(isTestedPersonaRef))) {
        const persona = personaOf(input, ref);
        if (persona) rows.persona(persona.uri, persona.item)?.tested.push({ step: step.id, stage: group.stage.id, line: step.headingRange.start.line });
      }
    }
  });

  return {
    uri: doc.uri,
    lang: doc.lang,
    title: doc.title ?? doc.frontMatter?.title ?? '',
    stages,
    personas: [...rows.known.values()],
    unknownPersonas: [...rows.unknown.values()],
    omittedPersonas: rows.omittedCount,
  };
}

function countStep(cell: CoverageCell, step: Step, inherited: boolean): void {
  cell.steps++;
  if (inherited) cell.inherited++;
  cell.first ??= { step: step.id, line: step.headingRange.start.line };
}

const isOwnPersonaRef = (ref: Reference): boolean => ref.kind === 'persona' && ref.field === 'persona';
const isTestedPersonaRef = (ref: Reference): boolean => ref.kind === 'persona' && ref.field === 'tested';

function emptyCells(count: number): CoverageCell[] {
  return Array.from({ length: count }, () => ({ steps: 0, inherited: 0 }));
}

function personaRow(uri: string, persona: Persona, stageCount: number): CoveragePersona {
  return {
    id: persona.id,
    name: persona.name,
    vulnerable: persona.vulnerable === true,
    uri,
    line: persona.headingRange.start.line,
    heard: persona.heard.map((entry) => entry.text),
    tested: [],
    cells: emptyCells(stageCount),
    total: 0,
  };
}

/** The persona a reference resolves to, or undefined when no visible file defines it. */
function personaOf(input: CoverageInput, ref: Reference): { uri: string; item: Persona } | undefined {
  const { doc, index } = input;
  if (index) {
    const found = index.resolve(doc.uri, ref);
    return found?.item.kind === 'persona' ? { uri: found.uri, item: found.item } : undefined;
  }
  if (ref.target) return undefined;
  const item = doc.personas.find((p) => p.id === ref.slug);
  return item ? { uri: doc.uri, item } : undefined;
}

function visiblePersonas(input: CoverageInput): Array<{ uri: string; item: Persona }> {
  if (input.index) return input.index.personasInScope(input.doc.uri);
  return input.doc.personas.map((item) => ({ uri: input.doc.uri, item }));
}

/** Personas of a step: its own, else its stage's, else the front matter's. */
function effectivePersonas(input: CoverageInput, step: Step): Reference[] {
  if (input.index) return input.index.effectivePersonas(input.doc.uri, step);
  const own = step.references.filter(isOwnPersonaRef);
  if (own.length > 0) return own;
  const stage = input.doc.stages.find((s) => s.steps.some((candidate) => sameItem(candidate, step)));
  const staged = stage ? stage.references.filter(isOwnPersonaRef) : [];
  return staged.length > 0 ? staged : input.doc.frontMatter?.personaRefs ?? [];
}

/**
 * Stages and runs of unstaged steps, in source order. Empty stages are columns too: a
 * planned stage nobody has steps for yet is part of the picture.
 */
function groupSteps(doc: BlueprintDocument): Group[] {
  const labels = coverageLabelsFor(doc.lang);
  // The parser records the stage a step sits under; steps without one sit under no stage.
  const events: Array<{ line: number; stage?: Stage; step?: Step }> = [
    ...doc.stages.map((stage) => ({ line: stage.headingRange.start.line, stage })),
    ...doc.steps.filter((step) => step.stage === undefined).map((step) => ({ line: step.headingRange.start.line, step })),
  ].sort((a, b) => a.line - b.line);
  const uniqueId = uniqueIds();
  const groups: Group[] = [];
  for (const event of events) {
    if (event.stage) {
      groups.push({ stage: column(uniqueId(event.stage.id), event.stage.name, true, event.line), steps: [...event.stage.steps] });
      continue;
    }
    const last = groups[groups.length - 1];
    if (last && !last.stage.staged) last.steps.push(event.step as Step);
    else groups.push({ stage: column(uniqueId('no-stage'), labels.noStage, false, event.line), steps: [event.step as Step] });
  }
  for (const group of groups) group.stage.steps = group.steps.length;
  return groups;
}

function column(id: string, title: string, staged: boolean, line: number): CoverageStage {
  return { id, title, staged, line, steps: 0, withoutPersona: 0, basis: emptyBasisCount() };
}

/**
 * Ids made unique, as GitHub numbers repeated anchors: the id, or the id with `-1`, `-2`,
 * … when taken. The next number to try is kept per id, so 20,000 stages of one name cost
 * what 20,000 names cost (each repeat scanned from `-1` on: 99 s).
 */
function uniqueIds(): (id: string) => string {
  const taken = new Set<string>();
  const next = new Map<string, number>();
  return (id) => {
    let candidate = id;
    let n = next.get(id) ?? 1;
    while (taken.has(candidate)) candidate = `${id}-${n++}`;
    next.set(id, n);
    taken.add(candidate);
    return candidate;
  };
}

function keyOf(step: Step): string {
  return `${step.headingRange.start.line}:${step.id}`;
}

function sameItem(a: Step, b: Step): boolean {
  return keyOf(a) === keyOf(b);
}

function uniqueBySlug(refs: readonly Reference[]): Reference[] {
  const seen = new Set<string>();
  return refs.filter((ref) => !seen.has(ref.slug) && (seen.add(ref.slug), true));
}
