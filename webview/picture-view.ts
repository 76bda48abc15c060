/**
 * Pictures of the preview, in a chunk of its own: loaded only when a picture is asked for,
 * as Mermaid is. modern-screenshot (MIT) draws the DOM into an SVG `foreignObject` and that
 * onto a canvas: no script evaluation, no network (font embedding is off: the preview uses
 * the system's fonts), only `data:` images, which the preview's CSP already allows.
 */
import { domToBlob, domToForeignObjectSvg } from 'modern-screenshot';

/** Canvas limits Chromium keeps to (per side); larger pictures are drawn smaller. */
const MAX_SIDE = 16_000;

export interface PictureMaker {
  /** A PNG of `node` at up to twice its size (crisp on slides), on `background`. */
  png(node: Element, background: string): Promise<Blob>;
  /** An SVG of `node` (its HTML inside a `foreignObject`), on `background`. */
  svg(node: Element, background: string): Promise<string>;
}

function sizeOf(node: Element): { width: number; height: number } {
  const html = node as HTMLElement;
  const box = node.getBoundingClientRect();
  return { width: Math.ceil(Math.max(html.scrollWidth ?? 0, box.width)), height: Math.ceil(Math.max(html.scrollHeight ?? 0, box.height)) };
}

const common = { font: false as const, features: { copyScrollbar: false, restoreScrollPosition: false } };

export const pictures: PictureMaker = {
  async png(node, background) {
    const { width, height } = sizeOf(node);
    const scale = Math.min(2, MAX_SIDE / Math.max(width, 1), MAX_SIDE / Math.max(height, 1));
    if (scale < 0.2) throw new Error(`${width}×${height} px is too large for one picture`);
    return domToBlob(node, { ...common, width, height, scale, backgroundColor: background, type: 'image/png' });
  },
  async svg(node, background) {
    const { width, height } = sizeOf(node);
    // The page's own markup and styles in a `foreignObject`: text stays text (browsers and
    // Inkscape show it; some office programs show only SVG's own shapes: use PNG there).
    const svg = await domToForeignObjectSvg(node, { ...common, width, height, backgroundColor: background });
    return new XMLSerializer().serializeToString(svg).replace(/[\u0000-\u0008\v\f\u000E-\u001F]/g, '');
  },
};
