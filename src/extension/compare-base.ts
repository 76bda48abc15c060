/**
 * The base version of a comparison ("Compare with…"), parsed and checked once and reused
 * while nothing it read has changed. Each keystroke in the working copy redraws the
 * comparison; the base's text never changes while the panel is open, so parsing and checking
 * it again for every redraw only cost time (a large base took as long as the working copy).
 * The files the base points at (persona files, link targets) are read as the editor has
 * them now, so a redraw re-reads them and checks the base again when any one differs.
 */
import { createBlueprintService, type BlueprintService, type Diagnostic, type FileHost, type FileReadResult, type StepRunner, type WorkspaceOptions } from '../core';

/** A base version, checked, and every file its check read with what the read returned. */
export interface CheckedBase {
  service: BlueprintService;
  diagnostics: Diagnostic[];
  reads: ReadonlyMap<string, FileReadResult>;
}

/** A host that remembers what each read returned (the last read of each file). */
class RecordingHost implements FileHost {
  readonly reads = new Map<string, FileReadResult>();
  constructor(private readonly inner: FileHost) {}

  async readFile(uri: string): Promise<FileReadResult> {
    const result = await this.inner.readFile(uri);
    this.reads.set(uri, result);
    return result;
  }
}

/** Two reads of one file agree: the same text, both missing, or the same problem. */
function sameRead(before: FileReadResult, now: FileReadResult): boolean {
  if (typeof before === 'object' && typeof now === 'object') return before.problem === now.problem;
  return before === now;
}

/** Whether every file `base` read still reads the same through `host`. */
export async function stillCurrent(base: CheckedBase, host: FileHost): Promise<boolean> {
  for (const [uri, before] of base.reads) {
    if (!sameRead(before, await host.readFile(uri))) return false;
  }
  return true;
}

/**
 * The base `text` (at `uri`) parsed and checked in steps, every other file read through
 * `host` when it lies inside `roots` (the editor's project, as for the working copy: a
 * base from a pull request is as untrusted as any blueprint); undefined when the steps
 * were stopped.
 */
export async function checkBase(uri: string, text: string, host: FileHost, inSteps: StepRunner, roots?: WorkspaceOptions['roots']): Promise<CheckedBase | undefined> {
  // Only the other files are recorded: the base's own text is given and never changes.
  const recording = new RecordingHost(host);
  const service = createBlueprintService({ readFile: (other) => (other === uri ? Promise.resolve(text) : recording.readFile(other)) }, { roots });
  if (!(await inSteps(service.setTextInSteps(uri, text)))) return undefined;
  await service.loadDependencies({ inSteps });
  const diagnostics = await inSteps(service.diagnosticsInSteps(uri));
  if (!diagnostics) return undefined;
  return { service, diagnostics: diagnostics.value, reads: recording.reads };
}

/**
 * The checked base of one comparison: the last one while `stillCurrent`, else a new check.
 * Two redraws may ask at once; each gets a correct base (the later check replaces the kept one).
 */
export class BaseVersion {
  private checked: CheckedBase | undefined;
  constructor(private readonly uri: string, private readonly text: string, private readonly host: FileHost, private readonly roots?: WorkspaceOptions['roots']) {}

  async get(inSteps: StepRunner): Promise<CheckedBase | undefined> {
    const kept = this.checked;
    if (kept && (await stillCurrent(kept, this.host))) return kept;
    const fresh = await checkBase(this.uri, this.text, this.host, inSteps, this.roots);
    if (fresh) this.checked = fresh;
    return fresh;
  }
}
