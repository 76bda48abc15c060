/**
 * Pictures of the view on screen: Copy image (a PNG on the clipboard), Save PNG… and
 * Save SVG… (handed to the extension, which saves through a dialog). The picture library
 * (`picture-view.ts`, its own chunk) is loaded on the first use.
 */
import { page } from './page-elements';
import { loadPictures } from './picture-loader';
import { preview } from './preview-state';
import { WAITING } from './slide-deck';
import { vscode } from './vscode-api';

/** What a picture shows: the slide, Mermaid's SVG, the step cards, or the grid's table. */
function pictureTarget(): { node: Element; view: string } | undefined {
  const { state } = preview;
  if (state.present) {
    const slide = page.slideHost.querySelector(`:scope > :not(.${WAITING})`);
    return slide ? { node: slide, view: 'slide' } : undefined;
  }
  if (state.view === 'mermaid') {
    const svg = page.mermaidHost.querySelector('svg');
    return svg ? { node: svg, view: 'journey' } : undefined;
  }
  if (state.view === 'coverage') {
    const table = page.coverageHost.querySelector('table');
    return table ? { node: table, view: 'coverage' } : undefined;
  }
  const cards = page.gridHost.querySelector('.bp-cards');
  if (cards) return { node: cards, view: 'cards' };
  const table = page.gridHost.querySelector('table.bp-grid');
  return table ? { node: table, view: state.clientView ? 'client' : 'grid' } : undefined;
}

let copiedTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Says "Copied" in the preview itself, as a status message (read out by screen readers)
 * over the view's top corner for a few seconds. A VS Code notification would cover the
 * presentation bar in the bottom corner, where the presenter's pointer is.
 */
function showCopied(): void {
  const status = page.copiedStatus;
  status.textContent = status.dataset.text ?? '';
  status.classList.add('bp-shown');
  clearTimeout(copiedTimer);
  copiedTimer = setTimeout(() => {
    status.classList.remove('bp-shown');
    status.textContent = '';
  }, 3000);
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function pictureFailed(error: unknown): void {
  vscode.postMessage({ type: 'pictureDone', error: error instanceof Error ? error.message : String(error) });
}

/**
 * Copy the view on screen to the clipboard as PNG, or hand it to the extension to save as
 * PNG or SVG (the journey diagram's SVG is Mermaid's own).
 */
export function makePicture(action: 'copy' | 'png' | 'svg'): void {
  const target = pictureTarget();
  if (!target) return;
  const background = getComputedStyle(document.body).backgroundColor;
  const box = target.node.getBoundingClientRect();
  const size = { width: Math.round(box.width), height: Math.round(box.height) };
  if (action === 'svg' && target.node instanceof SVGSVGElement) {
    const data = new XMLSerializer().serializeToString(target.node);
    vscode.postMessage({ type: 'savePicture', format: 'svg', data, view: target.view, ...size });
    return;
  }
  if (action === 'svg') {
    void loadPictures().then((maker) => maker.svg(target.node, background)).then((data) => {
      vscode.postMessage({ type: 'savePicture', format: 'svg', data, view: target.view, ...size });
    }, pictureFailed);
    return;
  }
  const png = loadPictures().then((maker) => maker.png(target.node, background));
  if (action === 'copy') {
    // Chromium lets a focused page write to the clipboard (VS Code's webview frame allows it).
    png.then((blob) => navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]))
      .then(() => {
        showCopied();
        vscode.postMessage({ type: 'pictureDone', copied: true });
      }, pictureFailed);
    return;
  }
  void png.then(async (blob) => {
    const bitmap = await createImageBitmap(blob);
    const data = base64(new Uint8Array(await blob.arrayBuffer()));
    vscode.postMessage({ type: 'savePicture', format: 'png', data, view: target.view, width: bitmap.width, height: bitmap.height });
    bitmap.close();
  }, pictureFailed);
}
