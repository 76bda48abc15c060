/**
 * The preview's Coverage view: shows the matrix the extension rendered (core HTML, already
 * escaped), makes every cell that points at a step reachable by keyboard, and reveals the
 * step's source line on click or Enter, as the grid does. Its styles come with the page
 * (`previewPage`), like the grid's: the webview imports nothing of the core.
 */
export interface CoverageViewOptions {
  host: HTMLElement;
  /** Show this source line in the editor. */
  reveal(line: number): void;
}

export class CoverageView {
  private shown: string | undefined;

  constructor(private readonly options: CoverageViewOptions) {
    options.host.addEventListener('click', (event) => this.onClick(event));
    options.host.addEventListener('keydown', (event) => this.onKeyDown(event));
  }

  /**
   * Show a new render; the same HTML again changes nothing (keeps focus and scroll). An
   * update without coverage (sent while another view was shown) leaves nothing stale behind.
   */
  show(html: string | undefined): void {
    if (html === this.shown) return;
    if (html === undefined) {
      this.shown = undefined;
      this.options.host.replaceChildren();
      return;
    }
    const scroller = this.options.host.querySelector('.bp-cov-scroll');
    const left = scroller?.scrollLeft ?? 0;
    this.shown = html;
    this.options.host.innerHTML = html;
    this.options.host.querySelector('.bp-cov')?.classList.add('bp-clickable');
    for (const element of Array.from(this.options.host.querySelectorAll<HTMLElement>('[data-line]'))) element.tabIndex = 0;
    const after = this.options.host.querySelector('.bp-cov-scroll');
    if (after) after.scrollLeft = left;
  }

  /** Stage and persona ids as painted, for the state the extension reads; undefined while none is shown. */
  painted(): { stages: string[]; personas: string[] } | undefined {
    const host = this.options.host;
    if (!host.querySelector('.bp-cov')) return undefined;
    return {
      stages: Array.from(host.querySelectorAll<HTMLElement>('th.bp-cov-stage')).map((th) => th.dataset.stage ?? ''),
      personas: Array.from(host.querySelectorAll<HTMLElement>('tbody tr[data-persona]')).map((tr) => tr.dataset.persona ?? ''),
    };
  }

  private onClick(event: MouseEvent): void {
    if (window.getSelection()?.toString()) return;
    const located = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-line]') : null;
    if (located && this.options.host.contains(located)) this.options.reveal(Number(located.dataset.line));
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    if (target?.dataset.line !== undefined && this.options.host.contains(target)) {
      event.preventDefault();
      this.options.reveal(Number(target.dataset.line));
    }
  }
}
