/**
 * The coverage as plain JSON for tools (`blueprint coverage --format json`): stages in
 * journey order, and per persona its step count in every stage (0 where it has none).
 * Lines are 1-based here, as in the command line's other output.
 */
import type { Coverage, CoverageCell } from './coverage';
import type { BasisCount } from './basis';

export interface CoverageStageJson {
  id: string;
  title: string;
  steps: number;
  withoutPersona: number;
  basis: BasisCount;
  /** False for a run of steps outside any stage. */
  staged: boolean;
  line: number;
}

export interface CoveragePersonaJson {
  id: string;
  name: string;
  vulnerable: boolean;
  heard: boolean;
  tested: boolean;
  /** Steps serving the persona, per stage id (every stage present). */
  stages: Record<string, number>;
  /** Of those, steps whose persona is inherited from the stage or the front matter. */
  inherited: Record<string, number>;
  heardEntries: string[];
  testedSteps: Array<{ step: string; stage: string; line: number }>;
  total: number;
}

export interface CoverageJson {
  file: string;
  title: string;
  lang: string;
  stages: CoverageStageJson[];
  personas: CoveragePersonaJson[];
  unknownPersonas: Array<{ id: string; stages: Record<string, number>; total: number }>;
  /** Only when personas were left out to keep the table within its cell limit. */
  omittedPersonas?: number;
}

function perStage(coverage: Coverage, cells: readonly CoverageCell[], pick: (cell: CoverageCell) => number): Record<string, number> {
  // Stage ids come from untrusted headings: a null-prototype object keeps `__proto__` an ordinary key.
  const result: Record<string, number> = Object.create(null) as Record<string, number>;
  coverage.stages.forEach((stage, i) => {
    result[stage.id] = pick(cells[i]);
  });
  return result;
}

/** One file's coverage as JSON; `file` is the path as shown to the user. */
export function coverageToJson(coverage: Coverage, file: string): CoverageJson {
  return {
    file,
    title: coverage.title,
    lang: coverage.lang,
    stages: coverage.stages.map((stage) => ({
      id: stage.id,
      title: stage.title,
      steps: stage.steps,
      withoutPersona: stage.withoutPersona,
      basis: { ...stage.basis },
      staged: stage.staged,
      line: stage.line + 1,
    })),
    personas: coverage.personas.map((persona) => ({
      id: persona.id,
      name: persona.name,
      vulnerable: persona.vulnerable,
      heard: persona.heard.length > 0,
      tested: persona.tested.length > 0,
      stages: perStage(coverage, persona.cells, (cell) => cell.steps),
      inherited: perStage(coverage, persona.cells, (cell) => cell.inherited),
      heardEntries: [...persona.heard],
      testedSteps: persona.tested.map((t) => ({ step: t.step, stage: t.stage, line: t.line + 1 })),
      total: persona.total,
    })),
    unknownPersonas: coverage.unknownPersonas.map((unknown) => ({
      id: unknown.id,
      stages: perStage(coverage, unknown.cells, (cell) => cell.steps),
      total: unknown.total,
    })),
    ...(coverage.omittedPersonas > 0 ? { omittedPersonas: coverage.omittedPersonas } : {}),
  };
}
