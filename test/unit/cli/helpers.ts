/**
 * Helpers for the CLI tests: run the built `dist/cli.js` as a real process, and make
 * throw-away project folders with small blueprints.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = path.join(REPO, 'dist', 'cli.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Fail early and clearly when the bundle is missing (the `npm test` script builds it). */
export function requireBuiltCli(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does).`);
}

/**
 * Run `node dist/cli.js ...args` in `cwd`. Colour variables from the test runner's own
 * environment are removed so each test decides about colours itself. Asynchronous, so
 * concurrent tests overlap their processes.
 */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  delete env.GITHUB_ACTIONS;
  delete env.GITHUB_STEP_SUMMARY;
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A temporary folder with `files` (relative path → text); remove it with `dispose`. */
export function makeProject(files: Record<string, string>): { dir: string; dispose(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'blueprint-cli-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An English blueprint without findings. */
export const CLEAN_EN = `---
blueprint: Apply for a living wage
lang: en
status: tested
---

# Apply for a living wage

## Personas

### Maria
- heard: 2024-03-02, interview at home

## Journey

### Step: Receives the letter
- persona: @maria
- customer: reads the letter
- tested: 2024-05-01 with @maria
`;

/** A Dutch blueprint without findings. */
export const CLEAN_NL = `---
blueprint: Bijstand aanvragen
lang: nl
status: getest
---

# Bijstand aanvragen

## Persona's

### Maria
- gehoord: 2024-03-02, gesprek thuis

## Klantreis

### Stap: Ontvangt de brief
- persona: @maria
- klant: leest de brief
- getest: 2024-05-01 met @maria
`;

/** English: an unknown persona (error) on line 17, column 12 (`@marja`), plus a hint. */
export const WITH_ERROR_EN = CLEAN_EN.replace('- persona: @maria', '- persona: @marja');

/** Dutch: one warning, an unknown field `achtrkant` on line 19, column 3. */
export const WITH_WARNING_NL = CLEAN_NL.replace('- klant: leest de brief\n', '- klant: leest de brief\n- achtrkant: zet de brief klaar\n');

/** The shape of one `--format json` row. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
}
