/**
 * Colours for the human-readable format. Styling is Node's `util.styleText`; whether to
 * style at all follows the conventions CI systems and terminals expect.
 */
import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Apply a style, or nothing when colours are off. */
export type Paint = (style: Style, text: string) => string;

/**
 * Colours are on when forced by `--color`/`--no-color`, else by `FORCE_COLOR` (any value
 * but `0`/`false` forces them on), else off when `NO_COLOR` is set (https://no-color.org),
 * else on exactly when stdout is a terminal.
 */
export function useColor(
  flag: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
  stdoutIsTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stdoutIsTTY;
}

/** A painter that styles text when `enabled`, else returns it unchanged. */
export function painter(enabled: boolean): Paint {
  return enabled ? (style, text) => styleText(style, text) : (_style, text) => text;
}
