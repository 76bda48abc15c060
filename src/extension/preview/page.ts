/**
 * The webview page: a locked-down shell (CSP `default-src 'none'`, scripts only with this
 * page's nonce, styles from the extension plus inline ones for Mermaid's SVG) holding the
 * toolbar and an empty grid host; content arrives by message. No `vscode` import, so tests
 * can build the same page for a plain browser.
 */
import { COVERAGE_CSS, escapeAttribute, GRID_CSS, previewToolbarLabels, type Lang } from '../../core';
import { ENGLISH_PROGRESS, type PageSettings, type PreviewViewState, type ProgressLabels } from '../../shared/messages';

export interface PageLabels {
  persona: string;
  allPersonas: string;
  clientView: string;
  diagram: string;
  /** The Coverage view's button (default: English). */
  coverage?: string;
  /** The Export button (exports the view on screen). */
  exportView?: string;
  toolbar: string;
  /** Presentation mode (default: English). */
  present?: string;
  presentation?: string;
  previousSlide?: string;
  nextSlide?: string;
  oneStepAtATime?: string;
  leavePresentation?: string;
  progress?: ProgressLabels;
  /** Zoom and print (default: English). */
  zoomIn?: string;
  zoomOut?: string;
  zoomLevel?: string;
  fitWidth?: string;
  print?: string;
  /** Pictures (default: English). */
  copyImage?: string;
  copied?: string;
  savePng?: string;
  saveSvg?: string;
}

export interface PageOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** URIs as the webview may load them (`webview.asWebviewUri`). */
  scriptUri: string;
  state: PreviewViewState;
  lang: string;
  labels: PageLabels;
}

/** A fresh nonce: 32 characters from a CSPRNG (`crypto` is global in Node 20 and browsers). */
export function makeNonce(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, '');
}

/** The Content-Security-Policy of the preview. */
export function previewCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    // Mermaid writes a <style> into its SVG; styles can't run code, scripts stay nonce-only.
    `style-src ${cspSource} 'unsafe-inline'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

/** The complete HTML of the preview page. */
export function previewPage(options: PageOptions): string {
  const { labels } = options;
  const settings: PageSettings = { state: options.state, allPersonasLabel: labels.allPersonas, progress: labels.progress ?? ENGLISH_PROGRESS };
  const button = (id: string, label: string, extra = '') => `<vscode-toolbar-button id="${id}"${extra} label="${escapeAttribute(label)}">${escapeAttribute(label)}</vscode-toolbar-button>`;
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(options.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(previewCsp(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta id="bp-settings" data-settings="${escapeAttribute(JSON.stringify(settings))}">
<style>${GRID_CSS}
${COVERAGE_CSS}</style>
<title>Blueprint preview</title>
</head>
<body>
<div class="bp-toolbar" role="toolbar" aria-label="${escapeAttribute(labels.toolbar)}">
<label for="bp-persona">${escapeAttribute(labels.persona)}</label>
<vscode-single-select id="bp-persona" label="${escapeAttribute(labels.persona)}" aria-label="${escapeAttribute(labels.persona)}"></vscode-single-select>
<span class="bp-spacer"></span>
<vscode-toolbar-button id="bp-client" toggleable label="${escapeAttribute(labels.clientView)}">${escapeAttribute(labels.clientView)}</vscode-toolbar-button>
<vscode-toolbar-button id="bp-diagram" toggleable label="${escapeAttribute(labels.diagram)}">${escapeAttribute(labels.diagram)}</vscode-toolbar-button>
<vscode-toolbar-button id="bp-coverage" toggleable label="${escapeAttribute(labels.coverage ?? 'Coverage')}">${escapeAttribute(labels.coverage ?? 'Coverage')}</vscode-toolbar-button>
<vscode-toolbar-button id="bp-export" label="${escapeAttribute(labels.exportView ?? 'Export…')}">${escapeAttribute(labels.exportView ?? 'Export…')}</vscode-toolbar-button>
${button('bp-present', labels.present ?? 'Present')}
${button('bp-print', labels.print ?? 'Print / PDF…')}
${button('bp-copy-image', labels.copyImage ?? 'Copy image')}
${button('bp-save-png', labels.savePng ?? 'Save PNG…')}
${button('bp-save-svg', labels.saveSvg ?? 'Save SVG…')}
<span class="bp-zoom" role="group" aria-label="${escapeAttribute(labels.zoomLevel ?? 'Zoom')}">
<vscode-toolbar-button id="bp-zoom-out" label="${escapeAttribute(labels.zoomOut ?? 'Zoom out')}" title="${escapeAttribute(labels.zoomOut ?? 'Zoom out')} (Ctrl+-)">−</vscode-toolbar-button>
<output id="bp-zoom-level" aria-label="${escapeAttribute(labels.zoomLevel ?? 'Zoom')}">100%</output>
<vscode-toolbar-button id="bp-zoom-in" label="${escapeAttribute(labels.zoomIn ?? 'Zoom in')}" title="${escapeAttribute(labels.zoomIn ?? 'Zoom in')} (Ctrl+=)">+</vscode-toolbar-button>
${button('bp-zoom-fit', labels.fitWidth ?? 'Fit to width', ' toggleable')}
</span>
</div>
<div id="bp-copied" class="bp-toast" role="status" data-text="${escapeAttribute(labels.copied ?? 'Copied the picture to the clipboard.')}"></div>
<main id="bp-root" aria-live="off"></main>
<section id="bp-mermaid" hidden aria-label="${escapeAttribute(labels.diagram)}"></section>
<section id="bp-coverage-view" hidden aria-label="${escapeAttribute(labels.coverage ?? 'Coverage')}"></section>
<section id="bp-present-view" hidden aria-label="${escapeAttribute(labels.presentation ?? 'Presentation')}">
<div id="bp-slide" tabindex="-1"></div>
<div class="bp-present-bar" role="toolbar" aria-label="${escapeAttribute(labels.presentation ?? 'Presentation')}">
${button('bp-slide-previous', labels.previousSlide ?? 'Previous')}
<span id="bp-progress" role="status"></span>
${button('bp-slide-next', labels.nextSlide ?? 'Next')}
<span class="bp-spacer"></span>
${button('bp-slide-copy', labels.copyImage ?? 'Copy image')}
${button('bp-slide-unit', labels.oneStepAtATime ?? 'One step at a time', ' toggleable')}
${button('bp-present-leave', labels.leavePresentation ?? 'Leave (Esc)')}
</div>
</section>
<script type="module" nonce="${options.nonce}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>
`;
}

/** The toolbar's labels in the document's language (see `pageLocale` in preview.ts). */
export function toolbarLabels(locale: Lang): PageLabels {
  return previewToolbarLabels(locale);
}
