/**
 * Text from blueprints shown in terminals, CI logs and Markdown reports: the helpers live
 * in the core (`src/core/safe-text.ts`), which its Markdown coverage table uses too.
 */
export { codeSpanText, markdownText, terminalLine, visibleControls } from '../../core';
