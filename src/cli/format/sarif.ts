/**
 * `--format sarif`: a SARIF 2.1.0 log, the format GitHub code scanning and other review
 * tools import. Every rule of the registry is described (with its docs page), configured
 * severities are recorded as overrides, and unreadable inputs as tool notifications.
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { allRules, severityFor, type BlueprintConfig, type ConfiguredSeverity, type Severity } from '../../core';
import type { CheckReport, Finding } from '../check/findings';
import { docsUrl, PROJECT_URL, TOOL_NAME, VERSION } from '../project';

/** Name of the base the relative artifact URIs resolve against (the current folder). */
export const SRCROOT = 'SRCROOT';

/** SARIF has no "info"/"hint": both are notes. */
export function sarifLevel(severity: Severity): Sarif.Result.level {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

function configurationLevel(severity: ConfiguredSeverity): Sarif.ReportingConfiguration.level {
  return severity === 'off' ? 'none' : sarifLevel(severity);
}

/** Problems of the file's structure, reported by the parser rather than a rule. */
const PARSE_RULE: Sarif.ReportingDescriptor = {
  id: 'parse',
  name: 'Parse',
  shortDescription: { text: 'The file could not be read as a blueprint in some place (for example invalid front matter).' },
  helpUri: docsUrl('docs/language.md'),
  defaultConfiguration: { level: 'warning' },
};

function ruleDescriptors(): Sarif.ReportingDescriptor[] {
  return [
    ...allRules.map(
      (rule): Sarif.ReportingDescriptor => ({
        id: rule.id,
        name: rule.id.replace(/(^|-)(\w)/g, (_m, _dash: string, letter: string) => letter.toUpperCase()),
        shortDescription: { text: rule.description },
        fullDescription: { text: rule.rationale },
        help: { text: rule.howToFix },
        helpUri: docsUrl(rule.docs),
        defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
      }),
    ),
    PARSE_RULE,
  ];
}

/** A relative path as a URI reference: each segment percent-encoded. */
function relativeUri(file: string): string {
  return file
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

export interface SarifContext {
  cwd: string;
  config: BlueprintConfig;
}

/** The rules whose configured severity differs from their default. */
function configurationOverrides(config: BlueprintConfig, ruleIndex: ReadonlyMap<string, number>): Sarif.ConfigurationOverride[] {
  const overrides: Sarif.ConfigurationOverride[] = [];
  allRules.forEach((rule) => {
    const configured = severityFor(config, rule.id);
    if (configured === rule.defaultSeverity) return;
    overrides.push({
      descriptor: { id: rule.id, index: ruleIndex.get(rule.id) },
      configuration: { level: configurationLevel(configured), enabled: configured !== 'off' },
    });
  });
  return overrides;
}

function resultOf(f: Finding, ruleIndex: ReadonlyMap<string, number>): Sarif.Result {
  return {
    ruleId: f.rule,
    ruleIndex: ruleIndex.get(f.rule),
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(f.file), uriBaseId: SRCROOT },
          region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
        },
      },
    ],
  };
}

/** Build the SARIF log object (see `formatSarif` for the text). */
export function buildSarif(report: CheckReport, context: SarifContext): Sarif.Log {
  const rules = ruleDescriptors();
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));

  const overrides = configurationOverrides(context.config, ruleIndex);
  const results = report.findings.map((finding) => resultOf(finding, ruleIndex));
  const notifications = report.inputProblems.map(
    (problem): Sarif.Notification => ({
      level: 'error',
      message: { text: `${problem.file}: ${problem.message}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(problem.file), uriBaseId: SRCROOT } } }],
    }),
  );

  const cwdUri = pathToFileURL(context.cwd).href.replace(/\/?$/, '/');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: PROJECT_URL,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: cwdUri } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: report.inputProblems.length === 0,
            ...(overrides.length > 0 ? { ruleConfigurationOverrides: overrides } : {}),
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        results,
      },
    ],
  };
}

/** The SARIF log as indented JSON text. */
export function formatSarif(report: CheckReport, context: SarifContext): string {
  return JSON.stringify(buildSarif(report, context), null, 2) + '\n';
}
