/**
 * The action's inputs, as the runner passes them: `INPUT_<NAME>` environment variables
 * (name upper-cased, spaces as `_`, hyphens kept), empty when not given.
 */
export interface ActionInputs {
  paths: string[];
  /** A git ref to compare with, or undefined for no diff. */
  base?: string;
  maxWarnings?: number;
  sarifFile?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

function input(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Reads the inputs; a mistake is a sentence for the log. */
export function readInputs(env: Env): ActionInputs | { error: string } {
  const paths = input(env, 'paths').split(/\r?\n/).map((p) => p.trim()).filter(Boolean);
  const rawMax = input(env, 'max-warnings');
  if (rawMax !== '' && !/^(?:\d+|-1)$/.test(rawMax)) return { error: `max-warnings must be a whole number of 0 or more (or -1), not '${rawMax}'.` };
  const max = rawMax === '' ? undefined : Number(rawMax);
  // On a pull request the base defaults to its base branch (GITHUB_BASE_REF is set only then).
  const isPullRequest = /^pull_request/.test(env.GITHUB_EVENT_NAME ?? '');
  const base = input(env, 'base') || (isPullRequest && env.GITHUB_BASE_REF ? env.GITHUB_BASE_REF : undefined);
  return {
    paths: paths.length > 0 ? paths : ['.'],
    base,
    maxWarnings: max === undefined || max < 0 ? undefined : max,
    sarifFile: input(env, 'sarif-file') || undefined,
  };
}
