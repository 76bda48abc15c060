/**
 * The configuration file `blueprint.config.json` at the workspace root, read by both the
 * CLI and the editor, so a team's choices apply everywhere:
 *
 * ```json
 * { "rules": { "unused-persona": "off" }, "locale": "nl", "files": ["**\/*.blueprint.md"] }
 * ```
 *
 * Parsing never throws: mistakes become readable problems, each naming its line and
 * column, and the rest of the file still applies, because a typo in one rule id should
 * not switch off every other setting. The file may come from an untrusted pull request:
 * it is read as a syntax tree (never assigned into plain objects, so `__proto__` is just
 * an unknown key), and nesting deeper than any real configuration is refused before
 * the recursive parser sees it.
 */
import { createScanner, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Lang } from './model';
import type { ConfiguredSeverity } from './rules/types';
import { allRules, ruleById } from './rules/registry';
import { didYouMean } from './rules/util';

/** File name of the configuration, at the workspace root. */
export const CONFIG_FILE_NAME = 'blueprint.config.json';

/** Globs of blueprint files when `files` is not configured. */
export const DEFAULT_FILES: readonly string[] = ['**/*.blueprint.md'];

export const CONFIGURED_SEVERITIES: readonly ConfiguredSeverity[] = ['off', 'hint', 'info', 'warning', 'error'];

/** Deepest nesting of objects and arrays accepted; a real configuration needs 3. */
export const MAX_CONFIG_DEPTH = 32;

export interface BlueprintConfig {
  /** Severity per rule id; rules not listed keep their default. */
  rules?: Record<string, ConfiguredSeverity>;
  /** Language of messages; when absent, each file's keyword language. */
  locale?: Lang;
  /** Globs (relative to the workspace root) of the files to check. */
  files?: string[];
}

export interface ParsedConfig {
  config: BlueprintConfig;
  /** Human-readable problems (English), one per mistake, each starting with its line and column. */
  problems: string[];
}

const KNOWN_KEYS = ['$schema', 'rules', 'locale', 'files'];

function suggest(word: string, candidates: readonly string[]): string {
  const [best] = didYouMean(word, candidates, 1);
  return best ? ` Did you mean '${best}'?` : '';
}

/** Collects problems with the position of the JSON node they are about. */
class Problems {
  readonly list: string[] = [];
  constructor(private readonly text: string) {}
  at(offset: number, message: string): void {
    const { line, column } = lineAndColumn(this.text, offset);
    this.list.push(`line ${line}, column ${column}: ${message}`);
  }
}

/** An object node's properties as [key node, value node] pairs, in file order. */
function propertiesOf(node: Node): Array<[Node, Node | undefined]> {
  return (node.children ?? []).map((property) => [property.children![0], property.children?.[1]]);
}

/** Read and validate the `rules` object. */
function parseRules(node: Node, problems: Problems): Record<string, ConfiguredSeverity> | undefined {
  if (node.type !== 'object') {
    problems.at(node.offset, `"rules" must be an object mapping rule ids to one of ${CONFIGURED_SEVERITIES.join(', ')}.`);
    return undefined;
  }
  // No prototype: a rule id can never reach Object.prototype's members.
  const rules: Record<string, ConfiguredSeverity> = Object.create(null) as Record<string, ConfiguredSeverity>;
  const ids = allRules.map((rule) => rule.id);
  for (const [key, value] of propertiesOf(node)) {
    const id = String(key.value);
    if (!ruleById(id)) {
      problems.at(key.offset, `Unknown rule id '${id}' in "rules".${suggest(id, ids)}`);
      continue;
    }
    const severity: unknown = value?.type === 'string' ? value.value : value ? nodeText(value) : undefined;
    const normalised = value?.type === 'string' ? String(value.value).trim().toLowerCase() : undefined;
    if (normalised === undefined || !(CONFIGURED_SEVERITIES as readonly string[]).includes(normalised)) {
      problems.at(
        (value ?? key).offset,
        `Rule '${id}' has severity ${JSON.stringify(severity) ?? 'nothing'}; use one of ${CONFIGURED_SEVERITIES.join(', ')}.` +
          (normalised !== undefined ? suggest(normalised, CONFIGURED_SEVERITIES) : ''),
      );
      continue;
    }
    rules[id] = normalised as ConfiguredSeverity;
  }
  return { ...rules };
}

/** A short rendering of a non-string value for a message. */
function nodeText(node: Node): unknown {
  if (node.type === 'object') return '{…}';
  if (node.type === 'array') return '[…]';
  return node.value;
}

/**
 * The first place where objects and arrays nest deeper than `MAX_CONFIG_DEPTH`, found
 * with jsonc-parser's scanner, which is a loop (its parser recurses, and overflows the
 * stack on a few thousand levels).
 */
function tooDeepAt(text: string): number | undefined {
  // jsonc-parser's SyntaxKind values; it is a const enum, which isolated modules cannot read.
  const [openBrace, closeBrace, openBracket, closeBracket, end] = [1, 2, 3, 4, 17];
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== end; token = scanner.scan()) {
    if (token === openBrace || token === openBracket) {
      if (++depth > MAX_CONFIG_DEPTH) return scanner.getTokenOffset();
    } else if (token === closeBrace || token === closeBracket) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/**
 * Parse the text of `blueprint.config.json`. JSON with comments and trailing commas, as
 * VS Code's own settings files; a leading byte-order mark is allowed; an empty file is an
 * empty configuration. Invalid parts are left out of `config` and described in
 * `problems`. A syntax error applies nothing: half a configuration could quietly switch
 * rules back on.
 */
export function parseConfig(source: string): ParsedConfig {
  const text = source.charCodeAt(0) === 0xfeff ? ' ' + source.slice(1) : source; // keeps columns
  const problems = new Problems(text);
  const config: BlueprintConfig = {};
  if (text.trim() === '') return { config, problems: [] };
  const deep = tooDeepAt(text);
  if (deep !== undefined) {
    const { line, column } = lineAndColumn(text, deep);
    return { config, problems: [`nested more than ${MAX_CONFIG_DEPTH} levels deep at line ${line}, column ${column}; a configuration needs 3.`] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || root === undefined) {
    const [first] = errors;
    const { line, column } = lineAndColumn(text, first?.offset ?? 0);
    return { config, problems: [`not valid JSON at line ${line}, column ${column}: ${first ? describeJsonError(first) : 'no value'}.`] };
  }
  if (root.type !== 'object') {
    problems.at(root.offset, `${CONFIG_FILE_NAME} must contain a JSON object.`);
    return { config, problems: problems.list };
  }
  for (const [key, value] of propertiesOf(root)) {
    const name = String(key.value);
    if (!KNOWN_KEYS.includes(name)) problems.at(key.offset, `Unknown setting '${name}'.${suggest(name, KNOWN_KEYS)}`);
    else if (value) readSetting(name, value, config, problems);
  }
  return { config, problems: problems.list };
}

function readSetting(name: string, value: Node, config: BlueprintConfig, problems: Problems): void {
  if (name === 'rules') {
    const rules = parseRules(value, problems);
    if (rules) config.rules = rules;
  } else if (name === 'locale') {
    if (value.value === 'en' || value.value === 'nl') config.locale = value.value;
    else problems.at(value.offset, `"locale" is ${JSON.stringify(nodeText(value))}; use "en" or "nl".`);
  } else if (name === 'files') {
    const globs = value.type === 'array' ? (value.children ?? []) : [];
    if (globs.length > 0 && globs.every((glob) => glob.type === 'string' && String(glob.value).trim() !== '')) {
      config.files = globs.map((glob) => String(glob.value));
    } else {
      problems.at(value.offset, '"files" must be a non-empty array of glob strings, e.g. ["**/*.blueprint.md"].');
    }
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line: before.split(/\r\n?|\n/).length, column: offset - lineStart + 1 };
}

/** jsonc-parser's error codes ("PropertyNameExpected") as words ("property name expected"). */
function describeJsonError(error: ParseError): string {
  return printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The severity a rule runs at under a configuration: configured, else its default. */
export function severityFor(config: BlueprintConfig | undefined, ruleId: string): ConfiguredSeverity {
  const configured = config?.rules && Object.hasOwn(config.rules, ruleId) ? config.rules[ruleId] : undefined;
  if (configured) return configured;
  return ruleById(ruleId)?.defaultSeverity ?? 'warning';
}

/** The file globs to check under a configuration. */
export function filesFor(config: BlueprintConfig | undefined): readonly string[] {
  return config?.files?.length ? config.files : DEFAULT_FILES;
}
