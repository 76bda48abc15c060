import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAME, parseConfig, severityFor } from '../../src/core/config';
import { allRules } from '../../src/core/rules/registry';

describe('parseConfig', () => {
  it('reads rules, locale and files', () => {
    const { config, problems } = parseConfig(
      JSON.stringify({ rules: { 'unused-persona': 'off', 'empty-stage': 'ERROR' }, locale: 'nl', files: ['docs/**/*.md'] }),
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({ rules: { 'unused-persona': 'off', 'empty-stage': 'error' }, locale: 'nl', files: ['docs/**/*.md'] });
  });

  it('reports unknown rule ids and bad severities without throwing, and keeps the rest', () => {
    const { config, problems } = parseConfig(
      JSON.stringify({ rules: { 'unused-persnoa': 'off', 'empty-stage': 'warn', 'invalid-emotion': 'hint' } }),
    );
    expect(config.rules).toEqual({ 'invalid-emotion': 'hint' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/Unknown rule id 'unused-persnoa'.*Did you mean 'unused-persona'/);
    expect(problems[1]).toMatch(/'empty-stage'.*"warn".*off, hint, info, warning, error.*Did you mean 'warning'/);
  });

  it.each([
    ['{ not json', /not valid JSON/],
    ['[1, 2]', /must contain a JSON object/],
    ['{"rules": []}', /"rules" must be an object/],
    ['{"locale": "de"}', /"locale" is "de"/],
    ['{"files": "*.md"}', /"files" must be a non-empty array/],
    ['{"rulez": {}}', /Unknown setting 'rulez'.*Did you mean 'rules'/],
  ])('reports %s clearly', (text, pattern) => {
    const { problems } = parseConfig(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(pattern);
  });

  it('accepts comments and trailing commas, as VS Code settings do', () => {
    const text = '{\n  // the team decided\n  "rules": { "unused-persona": "off", },\n  /* Dutch messages */ "locale": "nl",\n}\n';
    expect(parseConfig(text)).toEqual({ config: { rules: { 'unused-persona': 'off' }, locale: 'nl' }, problems: [] });
  });

  it('names the line and column of a syntax error and applies nothing', () => {
    const { config, problems } = parseConfig('{\n  "rules": { "unused-persona": "off" }\n  "locale": "nl"\n}');
    expect(config).toEqual({});
    expect(problems).toEqual(['not valid JSON at line 3, column 3: comma expected.']);
  });

  it('treats an empty file as an empty configuration', () => {
    expect(parseConfig('  \n')).toEqual({ config: {}, problems: [] });
  });
});

describe('parseConfig on hostile files', () => {
  it('accepts a UTF-8 byte-order mark, as editors on Windows write it', () => {
    expect(parseConfig('\uFEFF{"locale": "nl"}')).toEqual({ config: { locale: 'nl' }, problems: [] });
  });

  it('refuses a __proto__ key with its position and switches no rule off through it', () => {
    const { config, problems } = parseConfig('{\n  "__proto__": { "rules": { "unknown-persona": "off" } }\n}');
    expect(problems).toEqual(["line 2, column 3: Unknown setting '__proto__'."]);
    expect(severityFor(config, 'unknown-persona')).toBe('error');
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
  });

  it('refuses prototype keys among the rules', () => {
    const { config, problems } = parseConfig('{"rules": {"__proto__": "off", "constructor": "off", "empty-stage": "off"}}');
    expect(problems).toEqual([
      "line 1, column 12: Unknown rule id '__proto__' in \"rules\".",
      "line 1, column 32: Unknown rule id 'constructor' in \"rules\".",
    ]);
    expect(config.rules).toEqual({ 'empty-stage': 'off' });
    expect(severityFor(config, 'constructor')).toBe('warning');
  });

  it.each([
    ['arrays', '['.repeat(5000) + ']'.repeat(5000)],
    ['objects', '{"a":'.repeat(5000) + '1' + '}'.repeat(5000)],
  ])('answers 5,000 levels of nested %s with one error naming line and column, without a stack overflow', (_kind, text) => {
    const { config, problems } = parseConfig(text);
    expect(config).toEqual({});
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^nested more than 32 levels deep at line 1, column \d+/);
  });

  it('names the line and column of each wrong value', () => {
    const { problems } = parseConfig('{\n  "locale": ["en"],\n  "files": "*.md"\n}');
    expect(problems).toEqual([
      'line 2, column 13: "locale" is "[…]"; use "en" or "nl".',
      'line 3, column 12: "files" must be a non-empty array of glob strings, e.g. ["**/*.blueprint.md"].',
    ]);
  });
});

describe('severityFor', () => {
  it('uses the configured severity, else the default', () => {
    const { config } = parseConfig('{"rules": {"unused-persona": "off"}}');
    expect(severityFor(config, 'unused-persona')).toBe('off');
    expect(severityFor(config, 'unknown-persona')).toBe('error');
    expect(severityFor(undefined, 'journey-not-tested')).toBe('info');
  });
});

describe('config schema', () => {
  const schema = JSON.parse(readFileSync(new URL('../../schemas/blueprint.config.schema.json', import.meta.url), 'utf8')) as {
    properties: { rules: { properties: Record<string, { default: string }> } };
    definitions: { severity: { enum: string[] } };
  };
  it('lists exactly the registry rules with their defaults', () => {
    const inSchema = Object.entries(schema.properties.rules.properties).map(([id, p]) => [id, p.default]);
    expect(inSchema).toEqual(allRules.map((rule) => [rule.id, rule.defaultSeverity]));
  });
  it('allows exactly the five severities', () => {
    expect(schema.definitions.severity.enum).toEqual(['off', 'hint', 'info', 'warning', 'error']);
  });
  it('is documented under its file name', () => {
    expect(readFileSync(new URL('../../docs/configuration.md', import.meta.url), 'utf8')).toContain(CONFIG_FILE_NAME);
  });
});
