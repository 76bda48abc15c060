/**
 * Diagnostics as you type, host-agnostic: edits are debounced, a run whose results a newer
 * edit has overtaken is dropped, and the files that depend on a changed file (blueprints
 * using a shared personas file) are re-checked with it. The extension drives it from
 * VS Code events; the bench drives it directly, so both measure the same path.
 */
import type { Diagnostic } from '../model';
import type { StepRunner } from '../steps';

/** Quiet time after typing before diagnostics are computed: long enough to skip keystrokes, short enough to feel live. */
export const DEFAULT_DIAGNOSTICS_DELAY_MS = 150;

/** What the scheduler needs of the workspace (a subset of `BlueprintWorkspace`). */
export interface DiagnosticsSource {
  setText(uri: string, text: string): unknown;
  /** `setText` in steps (a file's first parse, chunk by chunk); absent: `setText` in one go. */
  setTextInSteps?(uri: string, text: string): Generator<void, unknown, void>;
  /** `diagnostics` in steps (a file's first check, rule by rule); absent: `diagnostics` in one go. */
  diagnosticsInSteps?(uri: string): Generator<void, Diagnostic[], void>;
  /** Loads the files documents point at; with `inSteps`, each file's parse runs in steps. */
  loadDependencies(options?: { compact?: boolean; inSteps?: StepRunner }): Promise<void>;
  diagnostics(uri: string): Diagnostic[];
  dependents(uri: string): string[];
  /** True for a file known only compactly (not open): it has no text to check here. */
  isCompact?(uri: string): boolean;
}

/** Receives finished diagnostics; the extension turns them into a `DiagnosticCollection`. */
export type PublishDiagnostics = (uri: string, diagnostics: Diagnostic[]) => void;

export interface DiagnosticsSchedulerOptions {
  /** Quiet time after the last edit before checking, in milliseconds. */
  delayMs: number;
  /** Reports a failed run (the scheduler keeps going). */
  onError?: (error: unknown) => void;
  /** Load the files documents point at as compact documents (the editor: only open documents are full models). */
  compactDependencies?: boolean;
  /**
   * Longest stretch of work before the scheduler gives the host a turn, in milliseconds,
   * in a file's first parse and check (issue 13: no long task while the workspace is indexed).
   */
  sliceMs?: number;
}

/** Milliseconds; the core has no `performance` (see types/core-host.d.ts). */
const now = (): number => Date.now();
const yieldToHost = (): Promise<void> => new Promise((resolve) => setTimeout(() => resolve(), 0));

/** Debounces edits and publishes diagnostics for changed files and their dependents. */
export class DiagnosticsScheduler {
  /** Latest unapplied text per file. */
  private readonly pendingText = new Map<string, string>();
  /** Files whose diagnostics must be published by the next run that is not overtaken. */
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> = Promise.resolve();
  private disposed = false;
  /** The file a run is parsing now (its pending text was taken). */
  private parsing: string | undefined;
  /** Callers of `parsed`, per file, resolved once the file's latest text is parsed. */
  private readonly parseWaiters = new Map<string, Array<() => void>>();

  constructor(
    private readonly source: DiagnosticsSource,
    private readonly publish: PublishDiagnostics,
    private readonly options: DiagnosticsSchedulerOptions,
  ) {}

  /** A file's text changed (typing, opening): check it and its dependents after the quiet time. */
  update(uri: string, text: string): void {
    this.pendingText.set(uri, text);
    this.dirty.add(uri);
    this.schedule();
  }

  /** Re-check files whose text did not change (settings or config changed, a dependency changed on disk). */
  refresh(uris: Iterable<string>): void {
    for (const uri of uris) this.dirty.add(uri);
    this.schedule();
  }

  /** Runs now instead of waiting for the quiet time; resolves when results are published. */
  async flush(): Promise<void> {
    this.clearTimer();
    await this.run();
  }

  /** True while the file has text given to `update` that a run has not finished parsing. */
  isParsing(uri: string): boolean {
    return this.pendingText.has(uri) || this.parsing === uri;
  }

  /**
   * Resolves once the file's latest text is parsed (at once when none waits). Editor
   * features wait here instead of parsing a file in one go while its first parse runs in
   * steps (issue 9: a huge file must not block the host). Someone asked, so a run waiting
   * for the quiet time starts now.
   */
  parsed(uri: string): Promise<void> {
    if (this.disposed || !this.isParsing(uri)) return Promise.resolve();
    const done = new Promise<void>((resolve) => {
      const waiting = this.parseWaiters.get(uri);
      if (waiting) waiting.push(resolve);
      else this.parseWaiters.set(uri, [resolve]);
    });
    if (this.timer !== undefined) void this.flush();
    return done;
  }

  /** Resolves when no run is scheduled or in progress. */
  async idle(): Promise<void> {
    while (!this.disposed && (this.timer !== undefined || this.pendingText.size > 0 || this.dirty.size > 0)) {
      if (this.timer === undefined) await this.run();
      else await new Promise((resolve) => setTimeout(resolve, this.options.delayMs));
    }
    await this.running;
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.settleParsed();
  }

  private schedule(): void {
    if (this.disposed) return;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, this.options.delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private run(): Promise<void> {
    this.running = this.running
      .then(() => this.check())
      .catch((error: unknown) => this.options.onError?.(error))
      // A parse that threw leaves nothing pending: its waiters must not wait forever.
      .finally(() => this.settleParsed());
    return this.running;
  }

  /** Resolves the waiters of every file with nothing left to parse (all of them once disposed). */
  private settleParsed(): void {
    for (const [uri, waiting] of [...this.parseWaiters]) {
      if (!this.disposed && this.isParsing(uri)) continue;
      this.parseWaiters.delete(uri);
      for (const resolve of waiting) resolve();
    }
  }

  private async check(): Promise<void> {
    if (this.disposed) return;
    for (const [uri, text] of [...this.pendingText]) {
      if (this.pendingText.get(uri) !== text) continue;
      this.pendingText.delete(uri);
      if (this.source.setTextInSteps) {
        this.parsing = uri;
        // A newer text for the file supersedes this one: its own run (already scheduled) parses that.
        const parsed = await this.inSteps(this.source.setTextInSteps(uri, text), () => this.pendingText.has(uri)).finally(() => {
          this.parsing = undefined;
        });
        if (!parsed) return;
      } else this.source.setText(uri, text);
      this.settleParsed();
      for (const dependent of this.dependentsOf(uri)) this.dirty.add(dependent);
    }
    // Loading a newly named personas file may take a while; when an edit arrives
    // meanwhile these results describe old text: drop them, the edit's own run
    // (already scheduled) publishes for everything still dirty.
    // In steps too (issue 9): a newly named personas file may be huge. An edit meanwhile
    // does not stop it: the edit's run needs the file as much.
    await this.source.loadDependencies({
      compact: this.options.compactDependencies ?? false,
      ...(this.source.setTextInSteps ? { inSteps: (steps) => this.inSteps(steps, () => false) } : {}),
    });
    if (this.pendingText.size > 0 || this.disposed) return;
    for (const uri of [...this.dirty]) {
      // Taken before checking: a refresh meanwhile marks it again, for the next run.
      this.dirty.delete(uri);
      if (this.source.isCompact?.(uri)) continue;
      if (!this.source.diagnosticsInSteps) {
        this.publish(uri, this.source.diagnostics(uri));
        continue;
      }
      const checked = await this.inSteps(this.source.diagnosticsInSteps(uri), () => this.pendingText.size > 0);
      if (!checked) {
        // An edit overtook this check: the edit's run checks the file again.
        this.dirty.add(uri);
        return;
      }
      this.publish(uri, checked.value);
    }
  }

  /**
   * Runs steps, giving the host a turn whenever a slice of work passed `sliceMs`; stops
   * (undefined) when `superseded` says so at a turn, or the scheduler was disposed.
   */
  private async inSteps<T>(steps: Generator<void, T, void>, superseded: () => boolean): Promise<{ value: T } | undefined> {
    const sliceMs = this.options.sliceMs ?? 12;
    let started = now();
    for (;;) {
      const step = steps.next();
      if (step.done) return { value: step.value };
      if (now() - started < sliceMs) continue;
      await yieldToHost();
      if (superseded() || this.disposed) {
        steps.return(undefined as T);
        return undefined;
      }
      started = now();
    }
  }

  /** Files depending on `uri`, directly or through another file. */
  private dependentsOf(uri: string): Set<string> {
    const found = new Set<string>();
    const queue = [uri];
    while (queue.length > 0) {
      const next = queue.pop() as string;
      for (const dependent of this.source.dependents(next)) {
        if (dependent !== uri && !found.has(dependent)) {
          found.add(dependent);
          queue.push(dependent);
        }
      }
    }
    return found;
  }
}
