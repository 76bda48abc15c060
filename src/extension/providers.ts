/**
 * Registers the language features. Each provider converts types and calls the matching
 * method of the core's `BlueprintService`; none holds logic of its own. Each first awaits
 * the session's model (`documentFor`/`readyDocument`), which waits for a file's first
 * parse in steps rather than parsing it in one go (issue 9), and gives up when VS Code
 * cancels the request.
 */
import * as vscode from 'vscode';
import {
  codeActions,
  fixAllInFile,
  isRefusal,
  type CodeAction,
  type CompletionKind,
  type DocumentSymbol,
  type RenameRefusal,
  type SymbolKind,
  WORKSPACE_DOCUMENT_SCHEMES,
} from '../core';
import type { BlueprintSession } from './session';
import { fromPosition, fromRange, toLocation, toRange, toUri, toWorkspaceEdit } from './convert';

/**
 * Markdown workspace documents (never the `git:` side of a diff); each provider then checks the file really is a blueprint (name glob
 * or front matter), which a selector alone cannot express.
 */
export const MARKDOWN_SELECTOR: vscode.DocumentSelector = [...WORKSPACE_DOCUMENT_SCHEMES].map((scheme) => ({ language: 'markdown', scheme }));

const completionKinds: Record<CompletionKind, vscode.CompletionItemKind> = {
  persona: vscode.CompletionItemKind.User,
  story: vscode.CompletionItemKind.Reference,
  step: vscode.CompletionItemKind.Event,
  stage: vscode.CompletionItemKind.Folder,
  field: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
};

const symbolKinds: Record<SymbolKind, vscode.SymbolKind> = {
  personas: vscode.SymbolKind.Namespace,
  stories: vscode.SymbolKind.Namespace,
  journey: vscode.SymbolKind.Namespace,
  persona: vscode.SymbolKind.Class,
  story: vscode.SymbolKind.String,
  stage: vscode.SymbolKind.Module,
  step: vscode.SymbolKind.Event,
};

/** The source action kind for "fix all blueprint problems". */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('blueprint');

/** Registers every language feature provider. */
export function registerProviders(session: BlueprintSession): vscode.Disposable[] {
  return [...writingProviders(session), ...navigationProviders(session), ...overviewProviders(session)];
}

const uriOf = (document: vscode.TextDocument): string => document.uri.toString();

/** Completion, rename and quick fixes: the providers that write. */
function writingProviders(session: BlueprintSession): vscode.Disposable[] {
  const service = session.service;
  return [
    vscode.languages.registerCompletionItemProvider(MARKDOWN_SELECTOR, {
      async provideCompletionItems(document, position, token, context) {
        if (!(await session.readyDocument(document, false, token))) return undefined;
        return service.completions(uriOf(document), fromPosition(position), session.localeOf(document), context.triggerCharacter).map((item) => {
          const result = new vscode.CompletionItem(item.label, completionKinds[item.kind]);
          result.detail = item.detail;
          if (item.documentation) result.documentation = new vscode.MarkdownString(item.documentation);
          result.insertText = item.insertText;
          result.range = toRange(item.range);
          result.filterText = item.filterText;
          result.sortText = item.sortText;
          return result;
        });
      },
      // A space too: Markdown turns quick suggestions off, and the lanes should come up as
      // soon as a field's `- ` is typed (the core offers nothing after other spaces).
    }, '@', '#', ':', ' '),

    vscode.languages.registerRenameProvider(MARKDOWN_SELECTOR, {
      async prepareRename(document, position, token) {
        if (!(await session.readyDocument(document, true, token))) throw new Error(refusalMessage({ refused: 'notRenamable' }));
        const result = service.prepareRename(uriOf(document), fromPosition(position));
        if (isRefusal(result)) throw new Error(refusalMessage(result));
        return { range: toRange(result.range), placeholder: result.placeholder };
      },
      async provideRenameEdits(document, position, newName, token) {
        if (!(await session.readyDocument(document, true, token))) return undefined;
        const result = service.rename(uriOf(document), fromPosition(position), newName);
        if (isRefusal(result) && result.refused === 'notRenamable') return undefined;
        if (isRefusal(result)) {
          // A thrown refusal would make VS Code try the next rename provider, Markdown's own
          // heading rename, which would write exactly what was refused: answer with no edits.
          void vscode.window.showWarningMessage(refusalMessage(result));
          return new vscode.WorkspaceEdit();
        }
        return toWorkspaceEdit(result);
      },
    }),

    vscode.languages.registerCodeActionsProvider(MARKDOWN_SELECTOR, {
      async provideCodeActions(document, range, context, token) {
        const doc = await session.documentFor(document, token);
        if (!doc) return undefined;
        const uri = uriOf(document);
        const published = session.diagnosticsFor(uri);
        // Fixes computed for older text would edit the wrong places: wait for fresh diagnostics.
        if (published.length === 0 || !session.isPublishedFor(uri, document.getText())) return undefined;
        const wantsFixAll = context.only !== undefined && (context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only));
        if (wantsFixAll) {
          const action = fixAllInFile(published, session.localeOf(document));
          return action ? [toCodeAction(action, context.diagnostics)] : [];
        }
        return codeActions(published, fromRange(range), session.localeOf(document)).map((action) => toCodeAction(action, context.diagnostics));
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] }),
  ];
}

/** Hover, go to definition, references, highlights and symbols. */
function navigationProviders(session: BlueprintSession): vscode.Disposable[] {
  const service = session.service;
  return [
    vscode.languages.registerHoverProvider(MARKDOWN_SELECTOR, {
      async provideHover(document, position, token) {
        if (!(await session.readyDocument(document, false, token))) return undefined;
        const result = service.hover(uriOf(document), fromPosition(position), session.localeOf(document));
        return result && new vscode.Hover(new vscode.MarkdownString(result.markdown), toRange(result.range));
      },
    }),

    vscode.languages.registerDefinitionProvider(MARKDOWN_SELECTOR, {
      async provideDefinition(document, position, token) {
        if (!(await session.readyDocument(document, false, token))) return undefined;
        return service.definition(uriOf(document), fromPosition(position)).map(toLocation);
      },
    }),

    vscode.languages.registerReferenceProvider(MARKDOWN_SELECTOR, {
      async provideReferences(document, position, context, token) {
        if (!(await session.readyDocument(document, true, token))) return undefined;
        return service.references(uriOf(document), fromPosition(position), context.includeDeclaration).map(toLocation);
      },
    }),

    vscode.languages.registerDocumentHighlightProvider(MARKDOWN_SELECTOR, {
      async provideDocumentHighlights(document, position, token) {
        if (!(await session.documentFor(document, token))) return undefined;
        return service.documentHighlights(uriOf(document), fromPosition(position)).map(
          (highlight) => new vscode.DocumentHighlight(toRange(highlight.range), highlight.kind === 'write' ? vscode.DocumentHighlightKind.Write : vscode.DocumentHighlightKind.Read),
        );
      },
    }),

    vscode.languages.registerDocumentSymbolProvider(MARKDOWN_SELECTOR, {
      async provideDocumentSymbols(document, token) {
        return (await session.documentFor(document, token)) ? service.documentSymbols(uriOf(document)).map(toDocumentSymbol) : undefined;
      },
    }, { label: 'Blueprint' }),

    vscode.languages.registerWorkspaceSymbolProvider({
      async provideWorkspaceSymbols(query) {
        await session.indexWorkspace();
        return service.workspaceSymbols(query).map(
          (symbol) => new vscode.SymbolInformation(symbol.name, symbolKinds[symbol.kind], symbol.containerName, new vscode.Location(toUri(symbol.uri), toRange(symbol.range))),
        );
      },
    }),
  ];
}

/** The code lenses (persona usage, last heard), refreshed whenever findings are published. */
function overviewProviders(session: BlueprintSession): vscode.Disposable[] {
  const service = session.service;
  const lensChanged = new vscode.EventEmitter<void>();
  return [
    lensChanged,
    session.onDidPublish(() => lensChanged.fire()),
    vscode.languages.registerCodeLensProvider(MARKDOWN_SELECTOR, {
      onDidChangeCodeLenses: lensChanged.event,
      async provideCodeLenses(document, token) {
        if (!(await session.documentFor(document, token))) return undefined;
        return service.codeLenses(uriOf(document), session.localeOf(document)).map((lens) => new vscode.CodeLens(toRange(lens.range), {
          title: lens.title,
          command: lens.locations.length > 0 ? 'editor.action.showReferences' : '',
          arguments: lens.locations.length > 0 ? [document.uri, toRange(lens.range).start, lens.locations.map(toLocation)] : undefined,
        }));
      },
    }),
  ];
}

function toCodeAction(action: CodeAction, shown: readonly vscode.Diagnostic[]): vscode.CodeAction {
  const kind = action.kind === 'fixAll' ? FIX_ALL_KIND : vscode.CodeActionKind.QuickFix;
  const result = new vscode.CodeAction(action.title, kind);
  result.edit = toWorkspaceEdit(action.edits);
  result.isPreferred = action.preferred;
  // Link the action to the diagnostics VS Code shows, matched by range and message.
  result.diagnostics = shown.filter((diagnostic) =>
    action.diagnostics.some((fixed) => toRange(fixed.range).isEqual(diagnostic.range) && fixed.message === diagnostic.message));
  return result;
}

function toDocumentSymbol(symbol: DocumentSymbol): vscode.DocumentSymbol {
  const result = new vscode.DocumentSymbol(symbol.name, symbol.detail, symbolKinds[symbol.kind], toRange(symbol.range), toRange(symbol.selectionRange));
  result.children = symbol.children.map(toDocumentSymbol);
  return result;
}

function refusalMessage(refusal: RenameRefusal): string {
  switch (refusal.refused) {
    case 'notRenamable': return vscode.l10n.t('Only personas, stories, stages and steps can be renamed: put the cursor on a heading or a reference.');
    case 'emptyName': return vscode.l10n.t('The new name must contain letters or digits.');
    case 'nameTaken': return vscode.l10n.t('Another item already has that name.');
    case 'multiLine': return vscode.l10n.t('A name must fit on one line. Nothing was renamed.');
    case 'notAReference':
      return vscode.l10n.t("That name gets the id '{0}', which cannot be written as @{0}: let the name start and end with a letter or digit. Nothing was renamed.", refusal.id ?? '');
    case 'notAHeading':
      return vscode.l10n.t("A heading would not read back as that name (a 'Step:' prefix, an HTML comment or a link in it changes it). Nothing was renamed.");
    case 'unsafe': return vscode.l10n.t('That name cannot be written without changing other text. Nothing was renamed.');
  }
}
