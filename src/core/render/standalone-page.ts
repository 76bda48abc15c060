/**
 * The shell of every standalone page the command line writes (grid, client view, journey,
 * coverage): one place for its CSP (no script, no network) and its forced dark palette.
 */
import { escapeText } from './escape';
import { PAGE_CSS } from './styles';

export interface StandalonePage {
  lang: string;
  title: string;
  /** The page's style sheets, joined as given. */
  css: string;
  theme?: 'light' | 'dark';
  bodyClass: string;
  /** The body's HTML, or a writer that pushes its pieces (joined once with the page's). */
  body: string | ((html: string[]) => void);
}

export function standalonePage(page: StandalonePage): string {
  const html = [[
    '<!doctype html>',
    `<html lang="${page.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="service-blueprints">',
    `<title>${escapeText(page.title)}</title>`,
    `<style>${page.css}${page.theme === 'dark' ? forcedDarkCss() : ''}</style>`,
    '</head>',
    `<body class="${page.bodyClass}">`,
    '',
  ].join('\n')];
  if (typeof page.body === 'string') html.push(page.body);
  else page.body(html);
  html.push('\n</body>\n</html>\n');
  return html.join('');
}

/** The page's dark palette applied on screen whatever the reader's setting (printing stays light). */
function forcedDarkCss(): string {
  const match = /@media \(prefers-color-scheme: dark\) \{([\s\S]*?)\n\}/.exec(PAGE_CSS);
  return match ? `@media screen {${match[1]}\n}` : '';
}
