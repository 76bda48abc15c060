/**
 * What the rules and editor features may ask of the workspace: cross-file lookups
 * computed once per analysis. Implemented in `workspace.ts`.
 */
import type { BlueprintDocument, Item, Persona, Reference, Step, Story } from '../model';
import type { FileProblemKind } from './file-problems';

/** An item together with the file that defines it. */
export interface Located<T extends Item = Item> {
  uri: string;
  item: T;
}

export interface WorkspaceIndex {
  /** A loaded document, if known. */
  get(uri: string): BlueprintDocument | undefined;
  /** All loaded documents. */
  documents(): BlueprintDocument[];
  /** Resolve a path written in `fromUri` (front matter or link target) to a URI. */
  resolvePath(fromUri: string, path: string): string;
  /** True when the file behind a resolved URI exists (was readable). */
  exists(uri: string): boolean;
  /** Why the file behind a resolved URI could not be read (`missing`, `folder`, `tooLarge` ...), if so. */
  fileProblem(uri: string): FileProblemKind | undefined;
  /** URIs of the loaded documents that define a persona or story with this id. */
  definedIn(kind: 'personas' | 'stories', id: string): readonly string[];
  /** The first shared file in the scope of `uri` (not `uri` itself) that defines a persona or story with this id. */
  shadowedIn(kind: 'personas' | 'stories', id: string, uri: string): string | undefined;
  /** Documents whose personas and stories a document sees: itself, then its `personas:` files. */
  scope(uri: string): BlueprintDocument[];
  /** Resolve a reference made in `fromUri` to its definition. */
  resolve(fromUri: string, ref: Reference): Located | undefined;
  /** Personas visible from a document (own first, then shared files). */
  personasInScope(uri: string): Located<Persona>[];
  storiesInScope(uri: string): Located<Story>[];
  /** Personas that apply to a step: its own, else its stage's, else the front matter's. */
  effectivePersonas(uri: string, step: Step): Reference[];
  /** Steps in any loaded document whose effective personas include this persona. */
  stepsUsingPersona(personaUri: string, slug: string): Located<Step>[];
  /** Steps in any loaded document that reference this story. */
  stepsAnsweringStory(storyUri: string, slug: string): Located<Step>[];
  /** Every reference in any loaded document that resolves to this item. */
  referencesTo(uri: string, slug: string, kind: Item['kind']): Array<{ uri: string; ref: Reference }>;
}
