/**
 * Every message between the extension and the preview webview, typed once and imported
 * by both sides. The webview never receives a model, only HTML the core rendered and
 * sanitised, so it needs no parser and no Markdown library.
 */
import type { GridPatch, Lang } from '../core';

export type { GridPatch };

/** A persona the filter offers. */
export interface PersonaOption {
  readonly slug: string;
  readonly name: string;
}

/** The preview's views: the swimlane grid, the Mermaid journey diagram, the persona coverage. */
export type PreviewView = 'grid' | 'mermaid' | 'coverage';

/** Presentation mode shows one stage, or one step, at a time. */
export type PresentUnit = 'stage' | 'step';

/** Presentation mode's place: the unit and which slide (0-based) of that unit. */
export interface PresentState {
  readonly unit: PresentUnit;
  readonly index: number;
  /** Client view before presenting (presentation turns it on; leaving puts this back). */
  readonly clientBefore: boolean;
}

/** What the preview shows; saved with `setState` so a restored panel comes back as it was. */
export interface PreviewViewState {
  /** The blueprint shown (a `vscode-uri` string). */
  readonly uri: string;
  /** Persona whose journey is highlighted, others dimmed; undefined: everyone. */
  readonly persona?: string;
  /** Client view: no rows below the line of visibility, no findings, larger type. */
  readonly clientView: boolean;
  readonly view: PreviewView;
  readonly scrollLeft: number;
  readonly scrollTop: number;
  /** Presentation mode, when on. */
  readonly present?: PresentState;
  /** The grid's zoom: a factor (1 = 100 %), or `fit` (the whole journey fits the width). */
  readonly zoom?: number | 'fit';
}

/** Zoom limits and steps (Ctrl+= and Ctrl+- move one step). */
export const ZOOM_STEPS: readonly number[] = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3];
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 3;

/** Content of one render: sent on every change, body only (the page is not reloaded). */
export interface ContentUpdate {
  readonly type: 'update';
  readonly uri: string;
  /** Increases with every render, so the webview drops stale ones. */
  readonly version: number;
  /** File name for the toolbar. */
  readonly title: string;
  /** `<div class="bp">` fragment from the core renderer (already sanitised); empty when `patch` is set. */
  readonly html: string;
  /**
   * Instead of `html`: the changes from the render of version `baseVersion`, which the
   * webview shows. A webview showing another version asks for everything again (`ready`).
   */
  readonly patch?: GridPatch & { baseVersion: number };
  /** Mermaid `journey` source for the diagram view. */
  readonly mermaid: string;
  /** The persona `mermaid` was made for (only their steps and scores); undefined: everyone. */
  readonly mermaidPersona?: string;
  /** The coverage view's `<div class="bp bp-cov">` fragment (core-rendered, escaped). */
  readonly coverage?: string;
  readonly personas: readonly PersonaOption[];
  readonly lang: Lang;
  /** True when the preview now shows another file than before (scroll resets). */
  readonly newDocument: boolean;
  /**
   * Only the first steps of a long journey, for a quick first paint; the whole grid follows
   * as the next update. The page shows it only in the grid view, keeps the saved scroll
   * position for the whole grid, and reports no `rendered` for it.
   */
  readonly partial?: boolean;
}

/** The editor's cursor moved: highlight the step that holds this source line. */
export interface CursorMessage {
  readonly type: 'cursor';
  readonly line: number;
}

/** The editor scrolled: bring the step at this source line into view. */
export interface ScrollToLineMessage {
  readonly type: 'scrollToLine';
  readonly line: number;
}

/** Set view options from outside (tests, commands). */
export interface SetViewMessage {
  readonly type: 'setView';
  readonly persona?: string | null;
  readonly clientView?: boolean;
  readonly view?: PreviewView;
  /** Start presentation mode (true) or leave it (false). */
  readonly present?: boolean;
}

/**
 * Test mode only: press a key in the preview (dispatched as a `keydown` on the page, so it
 * takes the same path as a key the user presses).
 */
export interface PressKeyMessage {
  readonly type: 'pressKey';
  readonly key: string;
}

/** Make a picture of the view on screen: copy it to the clipboard, or save it (the extension asks where). */
export interface MakePictureMessage {
  readonly type: 'makePicture';
  readonly action: 'copy' | 'png' | 'svg';
}

/** Zoom the grid (Ctrl+= / Ctrl+- / Ctrl+0 in the preview, bound by the extension). */
export interface ZoomMessage {
  readonly type: 'zoom';
  readonly action: 'in' | 'out' | 'reset' | 'fit';
}

export type ToWebviewMessage = ContentUpdate | CursorMessage | ScrollToLineMessage | SetViewMessage | PressKeyMessage | ZoomMessage | MakePictureMessage;

/** The webview's script is running and wants content. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** A cell was clicked (or activated by keyboard): show this source line in the editor. */
export interface RevealLineMessage {
  readonly type: 'revealLine';
  readonly line: number;
}

/** The preview scrolled; the editor may follow to this source line. */
export interface DidScrollMessage {
  readonly type: 'didScroll';
  readonly line: number;
}

/** The toolbar's Export button: export the view on screen (the extension asks where). */
export interface ExportMessage {
  readonly type: 'export';
}

/** The toolbar's Print button: write the export and open it in the system browser. */
export interface PrintMessage {
  readonly type: 'print';
}

/** A picture of the view on screen to save: PNG as base64, SVG as text. */
export interface SavePictureMessage {
  readonly type: 'savePicture';
  readonly format: 'png' | 'svg';
  readonly data: string;
  /** What it shows: `grid`, `client`, `journey`, `slide`, `cards`. */
  readonly view: string;
  readonly width: number;
  readonly height: number;
}

/** A picture was copied to the clipboard, or could not be made. */
export interface PictureDoneMessage {
  readonly type: 'pictureDone';
  readonly copied?: boolean;
  readonly error?: string;
}

/** A link in a cell was followed; the extension decides whether and how to open it. */
export interface OpenLinkMessage {
  readonly type: 'openLink';
  readonly href: string;
}

/** What the webview painted, for the state command and the in-editor tests. */
export interface RenderedMessage {
  readonly type: 'rendered';
  readonly uri: string;
  readonly version: number;
  /** `data-step` of every column, in order. */
  readonly steps: readonly string[];
  /** `data-lane` of every visible row. */
  readonly lanes: readonly string[];
  readonly state: PreviewViewState;
  /** Set when the Mermaid view failed to draw. */
  readonly mermaidError?: string;
  /** What the coverage view shows (when it is the view): its stage ids and persona ids, in order. */
  readonly coverage?: { readonly stages: readonly string[]; readonly personas: readonly string[] };
  /** The journey diagram drawn last: for which persona ('' for everyone). */
  readonly diagramFor?: string;
  /** The grid's zoom factor as drawn (fit resolved to its factor). */
  readonly zoom?: number;
  /** True when the narrow layout (step cards) is shown instead of the grid. */
  readonly narrow?: boolean;
  /** In presentation mode: the slide shown (its steps' ids, the progress line). */
  readonly slide?: SlideReport;
}

/** The slide presentation mode shows. */
export interface SlideReport {
  readonly unit: PresentUnit;
  /** 0-based slide number and how many slides there are of this unit. */
  readonly index: number;
  readonly count: number;
  /** `data-step` of the steps on the slide, in order. */
  readonly steps: readonly string[];
  /** The progress line as shown ("stage 2 of 4 · step 5 of 9"). */
  readonly progress: string;
  /** The presenter's zoom on top of the fit (1: the slide fits the panel; Ctrl+= / Ctrl+- change it, Ctrl+0 fits again). */
  readonly scale?: number;
}

export type FromWebviewMessage = ReadyMessage | RevealLineMessage | DidScrollMessage | OpenLinkMessage | RenderedMessage | ExportMessage | PrintMessage | SavePictureMessage | PictureDoneMessage;

/** Checks a value from `onDidReceiveMessage`, which is typed `any` by VS Code. */
export function isFromWebviewMessage(value: unknown): value is FromWebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  switch (type) {
    case 'ready':
    case 'export':
    case 'print':
      return true;
    case 'revealLine':
    case 'didScroll':
      return Number.isInteger((value as { line?: unknown }).line);
    case 'openLink':
      return typeof (value as { href?: unknown }).href === 'string';
    case 'savePicture': {
      const picture = value as { format?: unknown; data?: unknown; view?: unknown };
      return (picture.format === 'png' || picture.format === 'svg') && typeof picture.data === 'string' && typeof picture.view === 'string';
    }
    case 'pictureDone':
      return true;
    case 'rendered':
      return typeof (value as { uri?: unknown }).uri === 'string' && Array.isArray((value as { steps?: unknown }).steps);
    default:
      return false;
  }
}

/** What the page hands its script in `#bp-settings` (written by `previewPage`, read by the webview). */
export interface PageSettings {
  readonly state: PreviewViewState;
  readonly allPersonasLabel: string;
  /** Presentation mode's progress line, as templates (`{n}`, `{total}`, `{from}`, `{to}`). */
  readonly progress: ProgressLabels;
}

export interface ProgressLabels {
  readonly stageOf: string;
  readonly stepOf: string;
  readonly stepsOf: string;
}

/** English progress labels, for pages built without them. */
export const ENGLISH_PROGRESS: ProgressLabels = { stageOf: 'stage {n} of {total}', stepOf: 'step {n} of {total}', stepsOf: 'steps {from}–{to} of {total}' };

const VIEWS: ReadonlySet<string> = new Set<PreviewView>(['grid', 'mermaid', 'coverage']);

/** Checks a saved or restored view state (webview `getState`, the panel serializer). */
export function isPreviewViewState(value: unknown): value is PreviewViewState {
  if (typeof value !== 'object' || value === null) return false;
  const state = value as Record<string, unknown>;
  return typeof state.uri === 'string'
    && (state.persona === undefined || typeof state.persona === 'string')
    && typeof state.clientView === 'boolean'
    && typeof state.view === 'string' && VIEWS.has(state.view)
    && Number.isFinite(state.scrollLeft) && Number.isFinite(state.scrollTop)
    && (state.present === undefined || isPresentState(state.present))
    && (state.zoom === undefined || state.zoom === 'fit'
      || (typeof state.zoom === 'number' && state.zoom >= MIN_ZOOM && state.zoom <= MAX_ZOOM));
}

function isPresentState(value: unknown): value is PresentState {
  if (typeof value !== 'object' || value === null) return false;
  const present = value as Record<string, unknown>;
  return (present.unit === 'stage' || present.unit === 'step')
    && Number.isInteger(present.index) && (present.index as number) >= 0
    && typeof present.clientBefore === 'boolean';
}

/** Reads the page's settings; throws on anything but what `previewPage` writes. */
export function parsePageSettings(json: string): PageSettings {
  const value: unknown = JSON.parse(json);
  if (typeof value !== 'object' || value === null) throw new Error('preview settings: not an object');
  const { state, allPersonasLabel, progress } = value as Record<string, unknown>;
  if (!isPreviewViewState(state)) throw new Error('preview settings: invalid view state');
  if (typeof allPersonasLabel !== 'string') throw new Error('preview settings: no label for all personas');
  return { state, allPersonasLabel, progress: isProgressLabels(progress) ? progress : ENGLISH_PROGRESS };
}

function isProgressLabels(value: unknown): value is ProgressLabels {
  if (typeof value !== 'object' || value === null) return false;
  const labels = value as Record<string, unknown>;
  return typeof labels.stageOf === 'string' && typeof labels.stepOf === 'string' && typeof labels.stepsOf === 'string';
}

/** The initial view state for a blueprint. */
export function defaultViewState(uri: string): PreviewViewState {
  return { uri, clientView: false, view: 'grid', scrollLeft: 0, scrollTop: 0 };
}
