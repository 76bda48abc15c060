import type { MessageArgs, MessageKey } from './i18n/message-catalogue';

/**
 * The blueprint model: plain data produced by the parser and consumed by the rules,
 * the editor features, the CLI and the preview. Positions are zero-based lines and
 * UTF-16 character offsets, as in VS Code and LSP, so adapters never convert.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Keyword language of a file, and the language of every text about it (messages, labels): the one language type. */
export type Lang = 'en' | 'nl';

export type SectionKind = 'personas' | 'stories' | 'journey';

export type ItemKind = 'persona' | 'story' | 'stage' | 'step';

/** One entry of a field value: values split on `,` / `;` or given as a nested list. */
export interface FieldEntry {
  text: string;
  range: Range;
}

/** A `key: value` item of the first bullet list under an item heading. */
export interface Field {
  /** Canonical English key (`customer` for `klant`), or the lower-cased raw key when unknown. */
  key: string;
  /** The key as written. */
  rawKey: string;
  /** True when the key is a known lane or field for the item's kind. */
  known: boolean;
  /** Plain text of the value (nested list entries joined with `; `). */
  value: string;
  /** Markdown source of the value, for rendering (nested list kept as Markdown). */
  markdown: string;
  keyRange: Range;
  valueRange: Range;
  /** The whole list item. */
  range: Range;
  entries: FieldEntry[];
}

export type ReferenceKind = 'persona' | 'story' | 'step';

/** A reference from one item to a persona, story or step. */
export interface Reference {
  kind: ReferenceKind;
  /** `@slug`, `#slug` or a Markdown link `[text](file.md#slug)`. */
  form: 'at' | 'hash' | 'link';
  /** Normalised slug of the target (lower-case, as github-slugger would make it). */
  slug: string;
  /** Source text of the whole reference. */
  text: string;
  /** For links into another file: the path as written (relative to this file). */
  target?: string;
  /** The whole reference. */
  range: Range;
  /** The part that names the target (after `@`/`#`, or the link's anchor), for rename. */
  slugRange: Range;
  /** Canonical key of the field holding it. */
  field: string;
  /** Id of the item that holds the reference (front matter: undefined). */
  fromItem?: string;
}

/** Shared shape of personas, stories, stages and steps. */
export interface ItemBase {
  kind: ItemKind;
  /** GitHub anchor slug of the heading text without its `Stage:`/`Step:` prefix. */
  id: string;
  /** Heading text without prefix. */
  name: string;
  /** Heading depth (1-6). */
  depth: number;
  headingRange: Range;
  /** Range of the name inside the heading (after the prefix). */
  nameRange: Range;
  /** Heading line to the end of the item's content. */
  range: Range;
  fields: Field[];
  /** References written in the item's own fields, in source order. */
  references: Reference[];
  /** Markdown of what is not a field: prose, quotes, images, tables. */
  description: string;
  /** Where a new field line can be inserted (after the last field, or under the heading). */
  fieldInsertPosition: Position;
  /** True when the item has a field list (so an inserted field joins it). */
  hasFieldList: boolean;
}

export interface Persona extends ItemBase {
  kind: 'persona';
  vulnerable?: boolean;
  /** `heard` entries: the conversations the persona rests on. */
  heard: FieldEntry[];
}

export interface Story extends ItemBase {
  kind: 'story';
  /** The customer's words: the first block quote, if any. */
  quote?: string;
}

export interface Step extends ItemBase {
  kind: 'step';
  /** Id of the stage it sits under, if any. */
  stage?: string;
}

export interface Stage extends ItemBase {
  kind: 'stage';
  steps: Step[];
}

export type Item = Persona | Story | Stage | Step;

export interface Section {
  kind: SectionKind;
  headingRange: Range;
  range: Range;
  depth: number;
}

export interface FrontMatterFile {
  path: string;
  range: Range;
}

export interface FrontMatter {
  range: Range;
  /** Parsed YAML (empty when invalid). */
  data: Record<string, unknown>;
  title?: string;
  lang?: Lang;
  status?: string;
  personaFiles: FrontMatterFile[];
  /** `persona:` in front matter applies to every step. */
  personaRefs: Reference[];
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface TextEdit {
  uri: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The likeliest fix, offered first and used by "fix all". */
  preferred?: boolean;
}

export interface Diagnostic {
  uri: string;
  range: Range;
  /** Rule id, e.g. `step-without-persona`; `parse` for problems the parser reports. */
  rule: string;
  severity: Severity;
  message: string;
  /** `unnecessary` lets editors fade unused items. */
  tags?: Array<'unnecessary'>;
  fixes?: Fix[];
}

/** A problem the parser found; its message is formatted in the reader's language later. */
export interface ParseProblem {
  range: Range;
  severity: Severity;
  message: MessageKey;
  args?: MessageArgs;
}

export interface BlueprintDocument {
  uri: string;
  text: string;
  lang: Lang;
  /** The YAML front matter, when the document starts with one. */
  frontMatter?: FrontMatter;
  title?: string;
  sections: Section[];
  personas: Persona[];
  stories: Story[];
  stages: Stage[];
  /** Every step in source order, whether under a stage or not. */
  steps: Step[];
  /** Every reference in the document in source order (front matter included). */
  references: Reference[];
  /** Problems found while parsing (invalid YAML, …), reported under rule `parse`. */
  problems: ParseProblem[];
  lineCount: number;
  /**
   * Set on a compact document (`compactDocument`): what other files need of a file that is
   * not open, without its text, fields or descriptions. Absent on a full model.
   */
  compact?: CompactFacts;
}

/** Where a new item goes in a document, and the text around it (see `createItemEdit`). */
export interface InsertionPoint {
  position: Position;
  /** Text before the new block (blank lines), and after it. */
  lead: string;
  tail: string;
  /** The document's line ending. */
  eol: string;
}

/** What a compact document keeps beyond its items, ids, ranges and references. */
export interface CompactFacts {
  /** Made for the CLI: only what other files' rules read (see `compactDocument`). */
  lean?: boolean;
  /** A hash of the text it was made from (FNV-1a, 2 × 32 bits, hex). */
  hash: string;
  /** Length of that text in UTF-16 code units. */
  length: number;
  /** Where the fixes of other files' rules would add a persona or a story. */
  insertion: { personas: InsertionPoint; stories: InsertionPoint };
}

/** Every item of a document: personas, stories, stages, then steps. The one item walk of rules, features and the preview. */
export function allItems(doc: BlueprintDocument): Item[] {
  return [...doc.personas, ...doc.stories, ...doc.stages, ...doc.steps];
}
