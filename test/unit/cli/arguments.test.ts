/**
 * The commands' argument errors, from `parseArgs` itself: one line each, naming the
 * option as it is typed, with a way out for a value that starts with a dash.
 */
import { parseArgs } from 'node:util';
import { describe, expect, it } from 'vitest';
import { argumentError } from '../../../src/cli/arguments';

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  base: { type: 'string' },
  output: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The error `parseArgs` throws for these arguments, in our words. */
function errorFor(args: string[]): string {
  try {
    parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return argumentError(error);
  }
  throw new Error(`no error for ${JSON.stringify(args)}`);
}

describe('argumentError', () => {
  it.each([
    [['--base'], "Option '--base' needs a value."],
    [['-f'], "Option '--format' needs a value."],
    [['x.md', '--format'], "Option '--format' needs a value."],
    [['--base', '-c'], "Option '--base' needs a value; for a value that starts with a dash, write --base=-VALUE."],
    [['-o', '-x', 'a.md'], "Option '-o' needs a value; for a value that starts with a dash, write --output=-VALUE."],
    [['--no-such-option'], "Unknown option '--no-such-option'."],
    [['-z'], "Unknown option '-z'."],
  ])('%j: %s', (args, expected) => {
    const line = errorFor(args);
    expect(line).toBe(expected);
    expect(line).not.toContain('\n');
  });

  it('keeps a message it does not know, on one line with one final period', () => {
    expect(argumentError(new Error('Something else\nmore'))).toBe('Something else.');
    expect(argumentError('plain.')).toBe('plain.');
  });
});
