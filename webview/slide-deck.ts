/**
 * Slides made before they are asked for. After a slide is shown, the ones before and after
 * it are built and fitted while the page is idle and wait in the slide area under
 * `content-visibility: hidden` (laid out, not drawn, taking no room, out of the
 * accessibility tree), so the next key shows one by a class change: no build, no fit, a
 * small layout. The slide left behind waits too, so going back is as quick. Prepared
 * slides belong to one generation (the grid as rendered, the view, the persona and the
 * area's size); any change of it drops them.
 */
import { fitSlide } from './slide-fit';

/** The class of a slide that waits unseen. */
export const WAITING = 'bp-slide-waiting';
/** Slides kept waiting at most (the one left behind and two made ahead, with room to spare). */
const KEEP = 4;

interface Waiting {
  readonly element: HTMLElement;
  readonly zoom: number;
}

export interface SlideOrder {
  /** The slide's key within a generation (its unit and columns). */
  readonly key: string;
  build(): HTMLElement;
}

export class SlideDeck {
  private generation = '';
  private readonly waiting = new Map<string, Waiting>();
  private shown: { key: string; element: HTMLElement } | undefined;
  private idle = 0;

  constructor(private readonly area: HTMLElement) {}

  /**
   * Show slide `order` of `generation`: the waiting one if there is one (returns its zoom),
   * else a new one, put in the area unfitted (returns undefined: the caller fits it).
   */
  show(generation: string, order: SlideOrder): { element: HTMLElement; zoom?: number } {
    this.renew(generation);
    this.cancelIdle();
    const previous = this.shown;
    const ready = this.waiting.get(order.key);
    if (previous?.key === order.key && previous.element.parentElement === this.area) return { element: previous.element };
    let shown: { element: HTMLElement; zoom?: number };
    if (ready) {
      this.waiting.delete(order.key);
      ready.element.classList.remove(WAITING);
      ready.element.inert = false;
      shown = ready;
    } else {
      // Nothing of the deck's shown: whatever else the area holds (the no-journey hint) goes.
      if (!previous) for (const child of Array.from(this.area.children)) if (!child.classList.contains(WAITING)) child.remove();
      shown = { element: order.build() };
      this.area.insertBefore(shown.element, this.area.firstChild);
    }
    if (previous && previous.element.parentElement === this.area) this.wait(previous.key, previous.element);
    this.shown = { key: order.key, element: shown.element };
    return shown;
  }

  /** The zoom the slide shown got (kept with it when it goes waiting). */
  private zoomOf(element: HTMLElement): number {
    return Number(element.style.zoom || 1);
  }

  /** Prepare `orders` one by one while the page is idle (those waiting already are kept). */
  prepareSoon(generation: string, orders: readonly SlideOrder[]): void {
    this.cancelIdle();
    const todo = orders.filter((order) => !this.waiting.has(order.key) && order.key !== this.shown?.key);
    const next = (): void => {
      this.idle = 0;
      const order = todo.shift();
      if (!order || generation !== this.generation) return;
      const element = order.build();
      element.classList.add(WAITING);
      element.inert = true;
      this.area.append(element);
      const zoom = fitSlide(this.area, element, this.shown ? this.zoomOf(this.shown.element) : undefined, true);
      this.waiting.set(order.key, { element, zoom });
      this.trim(orders);
      if (todo.length > 0) this.idle = requestIdleCallback(next, { timeout: 500 });
    };
    if (todo.length > 0) this.idle = requestIdleCallback(next, { timeout: 500 });
  }

  /** Empty the area (leaving presentation mode, or a grid without steps). */
  clear(): void {
    this.cancelIdle();
    this.waiting.clear();
    this.shown = undefined;
    this.generation = '';
    this.area.replaceChildren();
  }

  private wait(key: string, element: HTMLElement): void {
    element.classList.add(WAITING);
    element.inert = true;
    this.waiting.set(key, { element, zoom: this.zoomOf(element) });
  }

  /** Keep at most `KEEP` waiting, those asked for last first. */
  private trim(wanted: readonly SlideOrder[]): void {
    if (this.waiting.size <= KEEP) return;
    const keep = new Set(wanted.map((order) => order.key));
    for (const [key, { element }] of this.waiting) {
      if (this.waiting.size <= KEEP) break;
      if (keep.has(key)) continue;
      element.remove();
      this.waiting.delete(key);
    }
  }

  private renew(generation: string): void {
    if (generation === this.generation) return;
    this.generation = generation;
    for (const { element } of this.waiting.values()) element.remove();
    this.waiting.clear();
    if (this.shown && this.shown.element.parentElement === this.area) this.shown.element.remove();
    this.shown = undefined;
  }

  private cancelIdle(): void {
    if (this.idle) cancelIdleCallback(this.idle);
    this.idle = 0;
  }
}
