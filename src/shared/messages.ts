/**
 * Every message between the extension and the preview webview, typed once and imported
 * by both sides. The webview never receives a model, only HTML the core rendered and
 * sanitised, so it needs no parser and no Markdown library.
 */
import type { GridPatch } from '../core';

export type { GridPatch };

/** A persona the filter offers. */
export interface PersonaOption {
  slug: string;
  name: string;
}

/** The preview's views: the swimlane grid, the Mermaid journey diagram, the persona coverage. */
export type PreviewView = 'grid' | 'mermaid' | 'coverage';

/** What the preview shows; saved with `setState` so a restored panel comes back as it was. */
export interface PreviewViewState {
  /** The blueprint shown (a `vscode-uri` string). */
  uri: string;
  /** Persona whose journey is highlighted, others dimmed; undefined: everyone. */
  persona?: string;
  /** Client view: no rows below the line of visibility, no findings, larger type. */
  clientView: boolean;
  view: PreviewView;
  scrollLeft: number;
  scrollTop: number;
}

/** Content of one render: sent on every change, body only (the page is not reloaded). */
export interface ContentUpdate {
  type: 'update';
  uri: string;
  /** Increases with every render, so the webview drops stale ones. */
  version: number;
  /** File name for the toolbar. */
  title: string;
  /** `<div class="bp">` fragment from the core renderer (already sanitised); empty when `patch` is set. */
  html: string;
  /**
   * Instead of `html`: the changes from the render of version `baseVersion`, which the
   * webview shows. A webview showing another version asks for everything again (`ready`).
   */
  patch?: GridPatch & { baseVersion: number };
  /** Mermaid `journey` source for the diagram view. */
  mermaid: string;
  /** The coverage view's `<div class="bp bp-cov">` fragment (core-rendered, escaped). */
  coverage?: string;
  personas: PersonaOption[];
  lang: 'en' | 'nl';
  /** True when the preview now shows another file than before (scroll resets). */
  newDocument: boolean;
}

/** The editor's cursor moved: highlight the step that holds this source line. */
export interface CursorMessage {
  type: 'cursor';
  line: number;
}

/** The editor scrolled: bring the step at this source line into view. */
export interface ScrollToLineMessage {
  type: 'scrollToLine';
  line: number;
}

/** Set view options from outside (tests, commands). */
export interface SetViewMessage {
  type: 'setView';
  persona?: string | null;
  clientView?: boolean;
  view?: PreviewView;
}

export type ToWebviewMessage = ContentUpdate | CursorMessage | ScrollToLineMessage | SetViewMessage;

/** The webview's script is running and wants content. */
export interface ReadyMessage {
  type: 'ready';
}

/** A cell was clicked (or activated by keyboard): show this source line in the editor. */
export interface RevealLineMessage {
  type: 'revealLine';
  line: number;
}

/** The preview scrolled; the editor may follow to this source line. */
export interface DidScrollMessage {
  type: 'didScroll';
  line: number;
}

/** A link in a cell was followed; the extension decides whether and how to open it. */
export interface OpenLinkMessage {
  type: 'openLink';
  href: string;
}

/** What the webview painted, for the state command and the in-editor tests. */
export interface RenderedMessage {
  type: 'rendered';
  uri: string;
  version: number;
  /** `data-step` of every column, in order. */
  steps: string[];
  /** `data-lane` of every visible row. */
  lanes: string[];
  state: PreviewViewState;
  /** Set when the Mermaid view failed to draw. */
  mermaidError?: string;
  /** What the coverage view shows (when it is the view): its stage ids and persona ids, in order. */
  coverage?: { stages: string[]; personas: string[] };
}

export type FromWebviewMessage = ReadyMessage | RevealLineMessage | DidScrollMessage | OpenLinkMessage | RenderedMessage;

/** Checks a value from `onDidReceiveMessage`, which is typed `any` by VS Code. */
export function isFromWebviewMessage(value: unknown): value is FromWebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  switch (type) {
    case 'ready':
      return true;
    case 'revealLine':
    case 'didScroll':
      return Number.isInteger((value as { line?: unknown }).line);
    case 'openLink':
      return typeof (value as { href?: unknown }).href === 'string';
    case 'rendered':
      return typeof (value as { uri?: unknown }).uri === 'string' && Array.isArray((value as { steps?: unknown }).steps);
    default:
      return false;
  }
}

/** The initial view state for a blueprint. */
export function defaultViewState(uri: string): PreviewViewState {
  return { uri, clientView: false, view: 'grid', scrollLeft: 0, scrollTop: 0 };
}
