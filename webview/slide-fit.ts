/**
 * Fitting a slide to the panel: the largest CSS `zoom` (text, lanes and the curve grow
 * together) at which the slide fits without scroll bars. Each try is a layout of the
 * slide, the costly part of a slide change, so the search is guided: it starts at the zoom
 * the last slide got (slides of one journey are much alike) and estimates the next try
 * from how tall the slide came out, instead of halving an interval.
 */

/** How the slide's height grows with the zoom: a power law whose exponent is learned as it goes. */
const START_EXPONENT = 1.5;
/** Close enough: a fitting zoom whose slide fills this share of the height. */
const FILLED = 0.99;
const MAX_TRIES = 8;

interface Try {
  readonly zoom: number;
  readonly fits: boolean;
  readonly wide: boolean;
  /** The slide's height on screen. */
  readonly height: number;
}

/**
 * Scale `slide` to the largest zoom at which it fits `area` without scroll bars, between
 * `min` and `max`, starting the search at `start`. A slide too large even at `min` scrolls.
 * Returns the zoom set. `ahead`: the slide waits unseen in the area (`content-visibility:
 * hidden`, taking no room), so its own box is measured instead of the area's scrolling.
 */
export function fitSlide(area: HTMLElement, slide: HTMLElement, start = 1.6, ahead = false, min = 0.7, max = 2.6): number {
  let room: { width: number; height: number } | undefined;
  const measure = (zoom: number): Try => {
    slide.style.zoom = String(zoom);
    // Nothing is read before the zoom is set: each read after a change is a layout.
    const top = slide.getBoundingClientRect().top;
    room ??= roomIn(area);
    const content = (slide.lastElementChild ?? slide).getBoundingClientRect();
    const height = content.bottom - top;
    if (ahead) {
      const wide = content.width > room.width + 1;
      return { zoom, height, wide, fits: !wide && height <= room.height + 1 };
    }
    const wide = area.scrollWidth > area.clientWidth + 1;
    return { zoom, height, wide, fits: !wide && area.scrollHeight <= area.clientHeight + 1 };
  };
  let best: number | undefined;
  let worst: number | undefined;
  let exponent = START_EXPONENT;
  let previous: Try | undefined;
  let zoom = Math.max(min, Math.min(max, start));
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const now = measure(zoom);
    const height = room?.height ?? 0;
    if (now.fits) best = Math.max(best ?? 0, zoom);
    else worst = Math.min(worst ?? Infinity, zoom);
    if (now.fits && (zoom >= max || now.height >= height * FILLED)) break;
    if (!now.fits && zoom <= min) break;
    if (best !== undefined && worst !== undefined && worst / best < 1.01) break;
    exponent = learnExponent(previous, now) ?? exponent;
    zoom = Math.max(min, Math.min(max, nextTry(now, height, exponent, best, worst)));
    previous = now;
  }
  const chosen = best ?? min;
  if (slide.style.zoom !== String(chosen)) slide.style.zoom = String(chosen);
  return chosen;
}

/** The area's room for a slide: its client box without its padding. */
function roomIn(area: HTMLElement): { width: number; height: number } {
  const style = getComputedStyle(area);
  return {
    width: area.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
    height: area.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom),
  };
}

/** True when the slide shown in `area` needs no scroll bar. */
export function slideFits(area: HTMLElement): boolean {
  return area.scrollHeight <= area.clientHeight + 1 && area.scrollWidth <= area.clientWidth + 1;
}

/** The exponent two tries show (undefined when they cannot tell). */
function learnExponent(a: Try | undefined, b: Try): number | undefined {
  if (!a || a.wide || b.wide || Math.abs(Math.log(b.zoom / a.zoom)) < 0.01 || a.height <= 0 || b.height <= 0) return undefined;
  const exponent = Math.log(b.height / a.height) / Math.log(b.zoom / a.zoom);
  return exponent > 0.5 && exponent < 4 ? exponent : undefined;
}

/** The zoom to try next: estimated from this try's height (or width), kept inside what is known. */
function nextTry(now: Try, room: number, exponent: number, best: number | undefined, worst: number | undefined): number {
  // Too tall: the height says how much smaller; too wide as well: the smaller of the two.
  let next = now.zoom * Math.pow((room * 0.997) / Math.max(now.height, 1), 1 / exponent);
  if (now.wide) next = Math.min(next, now.zoom * 0.9);
  const low = best ?? 0;
  const high = worst ?? Infinity;
  if (next <= low || next >= high) {
    next = best !== undefined && worst !== undefined ? Math.sqrt(best * worst)
      : best !== undefined ? best * 1.05
        : (worst ?? now.zoom) * 0.95;
  }
  return next;
}
