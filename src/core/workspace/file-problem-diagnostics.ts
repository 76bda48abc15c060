/**
 * Findings for files a document points at that exist but cannot be used: each on the
 * `personas:` entry or link that names the file, with a message that says what is wrong
 * (a missing file is the `unresolved-file` rule's). Messages name only the path as
 * written: nothing from the file, and for a file outside the project not even whether
 * it exists.
 */
import type { BlueprintDocument, Diagnostic, Lang, Range } from '../model';
import { formatMessage, type MessageKey } from '../i18n/message-catalogue';
import { MAX_FILE_BYTES, type FileProblemKind } from './file-problems';
import type { WorkspaceIndex } from './index-types';
import { linkReferencesOf } from './doc-facts';

const MESSAGE: Record<Exclude<FileProblemKind, 'missing'>, MessageKey> = {
  permission: 'parse.filePermission',
  folder: 'parse.fileIsFolder',
  notRegular: 'parse.fileNotRegular',
  tooLarge: 'parse.fileTooLarge',
  notUtf8: 'parse.fileNotUtf8',
  outsideProject: 'parse.fileOutsideProject',
  symlink: 'parse.fileSymlink',
  unreadable: 'parse.unreadableFile',
};

export function fileProblemDiagnostics(doc: BlueprintDocument, index: WorkspaceIndex, locale: Lang): Diagnostic[] {
  const named: Array<{ path: string; range: Range }> = [
    ...(doc.frontMatter?.personaFiles ?? []),
    ...linkReferencesOf(doc).map((ref) => ({ path: ref.target!, range: ref.range })),
  ];
  const result: Diagnostic[] = [];
  for (const { path, range } of named) {
    const problem = index.fileProblem(index.resolvePath(doc.uri, path));
    if (problem === undefined || problem === 'missing') continue;
    const args = { path: path.split('#')[0], limit: MAX_FILE_BYTES / (1024 * 1024) };
    result.push({ uri: doc.uri, range, rule: 'parse', severity: 'error', message: formatMessage(locale, MESSAGE[problem], args) });
  }
  return result;
}
