/**
 * `blueprint render FILE --format html|mermaid [-o OUT]`: the preview as a standalone,
 * offline HTML page (same renderer and styles as the editor's preview), or the journey
 * as Mermaid source. Findings are shown on their cells, as in the editor.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { URI } from 'vscode-uri';
import { argumentError } from './arguments';
import { buildJourneyView, createBlueprintService, EXPORT_VIEWS, renderCoveragePage, renderMermaid, renderStandalonePage, type ExportView } from '../core';
import { describeFsError, findProjectRoot, loadConfig } from './check/config-file';
import { describeProblem, NodeFileHost, readFileText } from './check/node-host';
import { projectRoots } from './check/run';
import { terminalLine } from './format/safe-text';
import { ExitCode, type CliIo } from './io';
import { isAnInput } from './output-target';

export const RENDER_USAGE = `Usage: blueprint render FILE [options]

Render a blueprint as a standalone HTML page (the preview's swimlane grid, no script,
opens offline and prints on A3 landscape) or as Mermaid journey source.

Options:
  -f, --format html|mermaid  what to write (default: html)
  -o, --output FILE          write to FILE instead of standard output
      --view grid|client|journey|coverage
                             what the page shows: the whole grid (default), the client
                             view (no lane below the line of visibility, no findings),
                             the journey diagram, or the coverage of personas across the
                             stages (HTML only)
      --persona ID           that persona's journey: other steps dimmed (data-dimmed);
                             the journey diagram and Mermaid show only that persona's steps
      --theme light|dark     colours of the HTML page (default: follow the reader's system)
      --no-findings          leave findings off the page (for handing out)
      --config FILE          use this blueprint.config.json
  -h, --help                 show this help

Exit codes:
  0  the page was written
  2  bad usage, an unknown persona, a file that cannot be read or written, an output
     that is one of the inputs, or an invalid configuration (the page is still written)

Examples:
  blueprint render journey.blueprint.md -o journey.html
  blueprint render journey.blueprint.md --format mermaid -o journey.mmd
  blueprint render journey.blueprint.md --view client --persona maria --theme dark -o maria.html
  blueprint render journey.blueprint.md --view coverage -o coverage.html
`;

type Format = 'html' | 'mermaid';

interface RenderOptions {
  file: string;
  format: Format;
  output?: string;
  theme?: 'light' | 'dark';
  view: ExportView | 'coverage';
  persona?: string;
  findings: boolean;
  config?: string;
}

function parse(args: readonly string[]): RenderOptions | { help: true } | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        theme: { type: 'string' },
        view: { type: 'string' },
        persona: { type: 'string' },
        'no-findings': { type: 'boolean' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { error: argumentError(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length !== 1) return { error: positionals.length === 0 ? 'No FILE given.' : 'Give one FILE.' };
  const format = values.format ?? 'html';
  if (format !== 'html' && format !== 'mermaid') return { error: `Unknown format '${format}'. Use one of: html, mermaid.` };
  const theme = values.theme;
  if (theme !== undefined && theme !== 'light' && theme !== 'dark') return { error: `Unknown theme '${theme}'. Use one of: light, dark.` };
  const view = values.view ?? 'grid';
  if (!isExportView(view) && view !== 'coverage') return { error: `Unknown view '${view}'. Use one of: ${[...EXPORT_VIEWS, 'coverage'].join(', ')}.` };
  if (view === 'coverage' && format !== 'html') return { error: 'The coverage view is HTML only.' };
  // `@maria` and `maria` both name the persona; slugs are lower-case.
  const persona = values.persona?.replace(/^@/, '').toLowerCase();
  if (persona === '') return { error: 'Give a persona ID after --persona.' };
  return {
    file: positionals[0], format, output: values.output, theme, view, persona, findings: !values['no-findings'], config: values.config,
  };
}

function isExportView(view: string): view is ExportView {
  return (EXPORT_VIEWS as readonly string[]).includes(view);
}

/** Run `blueprint render`; returns the exit code. */
export async function runRender(args: readonly string[], io: CliIo): Promise<number> {
  const options = parse(args);
  if ('help' in options) {
    io.stdout(RENDER_USAGE);
    return ExitCode.ok;
  }
  if ('error' in options) {
    io.stderr(`blueprint render: ${options.error}\nRun 'blueprint render --help' for usage.\n`);
    return ExitCode.usageOrInput;
  }
  const file = path.resolve(io.cwd, options.file);
  const read = await readFileText(file);
  if ('problem' in read) {
    io.stderr(`blueprint render: cannot read ${terminalLine(options.file)}: ${describeProblem(read.problem)}\n`);
    return ExitCode.usageOrInput;
  }
  if (read.invalidUtf8At !== undefined) {
    io.stderr(`blueprint render: ${terminalLine(options.file)} is not UTF-8 text; invalid bytes are shown as \uFFFD.\n`);
  }
  const text = read.text;
  const loaded = await loadConfig(io.cwd, options.config);
  const configName = loaded.file ? path.relative(io.cwd, loaded.file).split(path.sep).join('/') : 'configuration';
  for (const problem of loaded.problems) io.stderr(`blueprint render: ${configName}: ${problem}\n`);

  const roots = projectRoots(loaded.file !== undefined ? loaded.root : ((await findProjectRoot(io.cwd)) ?? io.cwd), [file]);
  const service = createBlueprintService(new NodeFileHost(roots), { config: loaded.config, roots: roots.map((root) => URI.file(root).toString()) });
  const uri = URI.file(file).toString();
  const doc = service.setText(uri, text);
  await service.loadDependencies();
  const input = {
    doc: service.get(uri) ?? doc,
    diagnostics: options.findings ? service.diagnostics(uri) : [],
    index: service.index,
  };
  const known = buildJourneyView(input).personas;
  if (options.persona !== undefined && !known.some((p) => p.slug === options.persona)) {
    io.stderr(`blueprint render: ${terminalLine(`No persona '${options.persona}' in ${options.file}.${known.length > 0 ? ` Its personas: ${known.map((p) => p.slug).join(', ')}.` : ''}`)}\n`);
    return ExitCode.usageOrInput;
  }
  const output = options.view === 'coverage' ? renderCoveragePage(input, { theme: options.theme })
    : options.format === 'html'
    ? renderStandalonePage(input, { theme: options.theme, view: options.view, persona: options.persona, findings: options.findings })
    : renderMermaid(input, undefined, { persona: options.persona });

  // As `check` does: the page is still written, but a broken configuration fails the run.
  const status = loaded.problems.length > 0 ? ExitCode.usageOrInput : ExitCode.ok;
  if (options.output === undefined) {
    io.stdout(output);
    return status;
  }
  const inputs = [file, ...(loaded.file ? [loaded.file] : []), ...service.index.documents().map((d) => URI.parse(d.uri).fsPath)];
  return (await writeRendered(options.output, output, inputs, io)) ?? status;
}

/** Writes the page to `--output`, never over one of the inputs; an exit code when it cannot. */
async function writeRendered(outputPath: string, output: string, inputs: readonly string[], io: CliIo): Promise<number | undefined> {
  const target = path.resolve(io.cwd, outputPath);
  if (await isAnInput(target, inputs)) {
    io.stderr(`blueprint render: refusing to write over ${outputPath}: it is one of the files being rendered.\n`);
    return ExitCode.usageOrInput;
  }
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, output, 'utf8');
  } catch (error) {
    io.stderr(`blueprint render: cannot write ${outputPath}: ${describeFsError(error)}\n`);
    return ExitCode.usageOrInput;
  }
  return undefined;
}
