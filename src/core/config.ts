/**
 * The configuration file `blueprint.config.json` at the workspace root, read by both the
 * CLI and the editor, so a team's choices apply everywhere:
 *
 * ```json
 * { "rules": { "unused-persona": "off" }, "locale": "nl", "files": ["**\/*.blueprint.md"] }
 * ```
 *
 * Parsing never throws: mistakes become readable problems and the rest of the file still
 * applies, because a typo in one rule id should not switch off every other setting.
 */
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Locale } from './i18n/messages';
import type { ConfiguredSeverity } from './rules/types';
import { allRules, ruleById } from './rules/registry';
import { didYouMean } from './rules/util';

/** File name of the configuration, at the workspace root. */
export const CONFIG_FILE_NAME = 'blueprint.config.json';

/** Globs of blueprint files when `files` is not configured. */
export const DEFAULT_FILES: readonly string[] = ['**/*.blueprint.md'];

export const CONFIGURED_SEVERITIES: readonly ConfiguredSeverity[] = ['off', 'hint', 'info', 'warning', 'error'];

export interface BlueprintConfig {
  /** Severity per rule id; rules not listed keep their default. */
  rules?: Record<string, ConfiguredSeverity>;
  /** Language of messages; when absent, each file's keyword language. */
  locale?: Locale;
  /** Globs (relative to the workspace root) of the files to check. */
  files?: string[];
}

export interface ParsedConfig {
  config: BlueprintConfig;
  /** Human-readable problems (English), one per mistake. */
  problems: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const KNOWN_KEYS = ['$schema', 'rules', 'locale', 'files'];

function suggest(word: string, candidates: readonly string[]): string {
  const [best] = didYouMean(word, candidates, 1);
  return best ? ` Did you mean '${best}'?` : '';
}

/** Read and validate the `rules` object. */
function parseRules(value: unknown, problems: string[]): Record<string, ConfiguredSeverity> | undefined {
  if (!isRecord(value)) {
    problems.push(`"rules" must be an object mapping rule ids to one of ${CONFIGURED_SEVERITIES.join(', ')}.`);
    return undefined;
  }
  const rules: Record<string, ConfiguredSeverity> = {};
  const ids = allRules.map((rule) => rule.id);
  for (const [id, severity] of Object.entries(value)) {
    if (!ruleById(id)) {
      problems.push(`Unknown rule id '${id}' in "rules".${suggest(id, ids)}`);
      continue;
    }
    const normalised = typeof severity === 'string' ? severity.trim().toLowerCase() : severity;
    if (typeof normalised !== 'string' || !(CONFIGURED_SEVERITIES as readonly string[]).includes(normalised)) {
      problems.push(
        `Rule '${id}' has severity ${JSON.stringify(severity)}; use one of ${CONFIGURED_SEVERITIES.join(', ')}.` +
          (typeof normalised === 'string' ? suggest(normalised, CONFIGURED_SEVERITIES) : ''),
      );
      continue;
    }
    rules[id] = normalised as ConfiguredSeverity;
  }
  return rules;
}

/**
 * Parse the text of `blueprint.config.json`. JSON with comments and trailing commas, as
 * VS Code's own settings files; an empty file is an empty configuration. Invalid parts
 * are left out of `config` and described in `problems`. A syntax error applies nothing:
 * half a configuration could quietly switch rules back on.
 */
export function parseConfig(text: string): ParsedConfig {
  const problems: string[] = [];
  const config: BlueprintConfig = {};
  if (text.trim() === '') return { config, problems };
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const [first] = errors;
    const { line, column } = lineAndColumn(text, first.offset);
    problems.push(`not valid JSON at line ${line}, column ${column}: ${describeJsonError(first)}.`);
    return { config, problems };
  }
  if (!isRecord(data)) {
    problems.push(`${CONFIG_FILE_NAME} must contain a JSON object.`);
    return { config, problems };
  }
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.includes(key)) problems.push(`Unknown setting '${key}'.${suggest(key, KNOWN_KEYS)}`);
  }
  if ('rules' in data) {
    const rules = parseRules(data.rules, problems);
    if (rules) config.rules = rules;
  }
  if ('locale' in data) {
    if (data.locale === 'en' || data.locale === 'nl') config.locale = data.locale;
    else problems.push(`"locale" is ${JSON.stringify(data.locale)}; use "en" or "nl".`);
  }
  if ('files' in data) {
    const files = data.files;
    if (Array.isArray(files) && files.length > 0 && files.every((f): f is string => typeof f === 'string' && f.trim() !== '')) {
      config.files = files;
    } else {
      problems.push('"files" must be a non-empty array of glob strings, e.g. ["**/*.blueprint.md"].');
    }
  }
  return { config, problems };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** jsonc-parser's error codes ("PropertyNameExpected") as words ("property name expected"). */
function describeJsonError(error: ParseError): string {
  return printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The severity a rule runs at under a configuration: configured, else its default. */
export function severityFor(config: BlueprintConfig | undefined, ruleId: string): ConfiguredSeverity {
  const configured = config?.rules?.[ruleId];
  if (configured) return configured;
  return ruleById(ruleId)?.defaultSeverity ?? 'warning';
}

/** The file globs to check under a configuration. */
export function filesFor(config: BlueprintConfig | undefined): readonly string[] {
  return config?.files?.length ? config.files : DEFAULT_FILES;
}
