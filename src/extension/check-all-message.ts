/**
 * The message after "Check All Blueprints": counts in the singular where there is one
 * ("1 problem", "1 blueprint file"), in VS Code's display language (it is VS Code chrome,
 * not document text). No `vscode` import, so unit tests can give it the Dutch bundle.
 */

/** `vscode.l10n`, or a stand-in with the same `t`. */
export interface Translator {
  t(message: string, ...args: Array<string | number>): string;
}

export function checkAllMessage(l10n: Translator, files: number, problems: number): string {
  const fileCount = files === 1 ? l10n.t('1 blueprint file') : l10n.t('{0} blueprint files', files);
  const problemCount = problems === 1 ? l10n.t('1 problem') : l10n.t('{0} problems', problems);
  return l10n.t('Checked {0}: {1}.', fileCount, problemCount);
}
