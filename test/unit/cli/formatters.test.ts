/** Formatter details checked in-process (no bundle needed): escaping, colours, exit codes. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/cli/check/findings';
import { exitCodeFor } from '../../../src/cli/check/run';
import { parseCheckArgs } from '../../../src/cli/check/options';
import { useColor } from '../../../src/cli/format/colors';
import { escapeData, escapeProperty, formatGithub } from '../../../src/cli/format/github';

const finding = (severity: Finding['severity'], message = 'm'): Finding => ({
  file: 'a.blueprint.md',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
  rule: 'r',
  severity,
  message,
});

describe('github workflow commands', () => {
  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('dir:x/a,b%\n.md')).toBe('dir%3Ax/a%2Cb%25%0A.md');
  });

  it('maps info and hint to notices and keeps one line per finding', () => {
    const output = formatGithub({
      files: ['a.blueprint.md'],
      inputProblems: [],
      findings: [finding('error', 'two\nlines'), finding('warning'), finding('info'), finding('hint')],
    });
    expect(output.split('\n').filter(Boolean).map((line) => line.slice(0, line.indexOf(' ')))).toEqual(['::error', '::warning', '::notice', '::notice']);
    expect(output).toContain('::two%0Alines\n');
  });
});

describe('colours', () => {
  it('follow the flag, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    expect(useColor(false, { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(useColor(true, { NO_COLOR: '1' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(useColor(undefined, {}, true)).toBe(true);
    expect(useColor(undefined, {}, false)).toBe(false);
  });
});

describe('exit code and options', () => {
  it('fails on errors, or on more warnings than allowed; infos and hints never fail', () => {
    expect(exitCodeFor([finding('warning'), finding('info'), finding('hint')], undefined)).toBe(0);
    expect(exitCodeFor([finding('error')], undefined)).toBe(1);
    expect(exitCodeFor([finding('warning'), finding('warning')], 2)).toBe(0);
    expect(exitCodeFor([finding('warning'), finding('warning')], 1)).toBe(1);
    expect(exitCodeFor([finding('info'), finding('hint')], 0)).toBe(0);
  });

  it('reads --max-warnings strictly (--max-warnings=-1 means no limit)', () => {
    const max = (value: string): unknown => {
      const parsed = parseCheckArgs([`--max-warnings=${value}`]);
      return parsed.ok ? parsed.options.maxWarnings : 'error';
    };
    expect(max('0')).toBe(0);
    expect(max('12')).toBe(12);
    expect(max('-1')).toBeUndefined();
    expect(max('1.5')).toBe('error');
    expect(max('-2')).toBe('error');
    expect(max('')).toBe('error');
  });
});
