/**
 * The semantic diff's data: what changed in a blueprint's journey between two versions,
 * as the JSON contract of `blueprint diff --format json` (docs/cli.md). Ids are the
 * language's slugs; `line` is 1-based in the head version (the base version for removals).
 */
import type { Severity } from '../model';

/** Fields every step change carries, for grouping and for people. */
interface StepChangeBase {
  /** Step id (the head's id; the base's for a removed step). */
  step: string;
  /** Step title as shown. */
  name: string;
  /** Stage the step sits under (head; base for a removed step); null when none. */
  stage: string | null;
  line: number;
}

export type StepChange =
  | (StepChangeBase & { kind: 'step-added' })
  | (StepChangeBase & { kind: 'step-removed' })
  | (StepChangeBase & { kind: 'step-moved'; from: string | null; to: string | null })
  | (StepChangeBase & { kind: 'step-renamed'; from: string; to: string; previous: string })
  | (StepChangeBase & { kind: 'lane-changed'; lane: string; from: string | null; to: string | null })
  | (StepChangeBase & { kind: 'persona-added' | 'persona-removed'; persona: string; inherited: boolean })
  | (StepChangeBase & { kind: 'emotion-changed'; persona: string | null; from: number | null; to: number | null })
  | (StepChangeBase & { kind: 'story-linked' | 'story-unlinked'; story: string });

export type StageChange =
  | { kind: 'stage-added' | 'stage-removed'; stage: string; name: string; line: number }
  | { kind: 'stage-renamed'; stage: string; previous: string; from: string; to: string; line: number };

export type DefinitionChange =
  | { kind: 'persona-defined' | 'persona-deleted'; persona: string; name: string; vulnerable: boolean; line: number }
  | { kind: 'story-defined' | 'story-deleted'; story: string; name: string; line: number };

export interface FindingChange {
  kind: 'finding-new' | 'finding-fixed';
  rule: string;
  severity: Severity;
  message: string;
  /** `step:<id>`, `stage:<id>`, `persona:<id>`, `story:<id>` or `document`: what the finding is about. */
  item: string;
  line: number;
  column: number;
}

export type Change = StepChange | StageChange | DefinitionChange | FindingChange;
export type ChangeKind = Change['kind'];

/** Every kind, in the order reports list them. */
export const CHANGE_KINDS: readonly ChangeKind[] = [
  'stage-added', 'stage-removed', 'stage-renamed',
  'step-added', 'step-removed', 'step-moved', 'step-renamed',
  'lane-changed', 'persona-added', 'persona-removed', 'emotion-changed', 'story-linked', 'story-unlinked',
  'persona-defined', 'persona-deleted', 'story-defined', 'story-deleted',
  'finding-new', 'finding-fixed',
];

/** What a reviewer should look at first. */
export type Attention =
  /** A step that named its personas and no longer does (it inherits `inherits`, or nobody). */
  | { kind: 'step-lost-persona'; step: string; name: string; line: number; inherits: string[] }
  /** A step (new or changed) that nobody takes: no persona of its own, its stage's or the file's. */
  | { kind: 'step-without-persona'; step: string; name: string; line: number }
  /** A vulnerable persona that takes fewer steps than before. */
  | { kind: 'vulnerable-persona-lost-steps'; persona: string; from: number; to: number; line: number }
  | { kind: 'emotion-dropped'; step: string; name: string; persona: string | null; from: number; to: number; line: number }
  | { kind: 'new-error'; rule: string; message: string; line: number };

export type FileStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'unchanged';

export interface FileDiff {
  /** Path in the head (the base's for a removed file). */
  file: string;
  /** For a renamed file: its path in the base. */
  previous?: string;
  status: FileStatus;
  changes: Change[];
  attention: Attention[];
}

export interface DiffReport {
  base: string;
  head: string;
  files: FileDiff[];
}
