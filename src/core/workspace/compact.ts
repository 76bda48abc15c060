/**
 * Compact documents: what other files need of a blueprint that is not open. A compact
 * document has the shape of a full model, so the cross-file index treats both alike, but
 * keeps only the items with their ids, names and ranges, the references out, the
 * `personas:` files and the sections; no text, no fields, no descriptions, no parse
 * problems, no parser caches. Where another file's rule needs the text (the fix that adds
 * a missing persona or story to this file), the answer is computed when the compact
 * document is made. Its strings are copies, so it does not keep the file's text alive.
 */
import type { BlueprintDocument, FrontMatter, Item, ItemBase, Persona, Position, Range, Reference, Section, Stage, Step, Story } from '../model';
import { itemInsertionPoint } from '../rules/util';

/** FNV-1a over UTF-16 code units, twice (two offset bases), as 16 hex digits. */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Shared by every lean compact document for the ranges only editor features read. */
const NOWHERE: Range = Object.freeze({ start: Object.freeze({ line: 0, character: 0 }), end: Object.freeze({ line: 0, character: 0 }) }) as Range;

/**
 * Which references a lean compact document keeps: those other files' rules can see (a
 * step's or stage's personas, stories, links into files, the front matter's personas).
 */
function seenByRules(ref: Reference): boolean {
  return ref.target !== undefined || ref.kind === 'story' || (ref.kind === 'persona' && ref.field === 'persona');
}

/** Copies of a document's pieces with fresh strings (a substring of the text would keep all of the text alive). */
class Copier {
  constructor(private readonly lean: boolean) {}

  private readonly strings = new Map<string, string>();
  private readonly copiedRefs = new Map<Reference, Reference>();
  private readonly steps = new Map<Step, Step>();

  str(value: string): string {
    let copy = this.strings.get(value);
    if (copy === undefined) {
      // A JSON round trip gives a flat copy; slicing a concatenation would add a slice on top of it.
      copy = value.length < 13 ? value : (JSON.parse(JSON.stringify(value)) as string);
      this.strings.set(value, copy);
    }
    return copy;
  }

  position(p: Position): Position {
    return { line: p.line, character: p.character };
  }

  range(r: Range): Range {
    return { start: this.position(r.start), end: this.position(r.end) };
  }

  /** A range only editor features read: not kept in a lean document. */
  featureRange(r: Range): Range {
    return this.lean ? NOWHERE : this.range(r);
  }

  /** The references kept: all, or in a lean document those other files' rules see. */
  refs(refs: readonly Reference[]): Reference[] {
    return (this.lean ? refs.filter(seenByRules) : refs).map((r) => this.ref(r));
  }

  /** One copy per reference: an item's and the document's lists share it, as in the model. */
  ref(r: Reference): Reference {
    let copy = this.copiedRefs.get(r);
    if (!copy) {
      const { kind, form } = r;
      const [slug, text, field] = [this.str(r.slug), this.lean ? '' : this.str(r.text), this.str(r.field)];
      const [range, slugRange] = [this.featureRange(r.range), this.featureRange(r.slugRange)];
      // One literal per combination of the optional properties: all of them in the object itself (added afterwards, they would need a property array of their own).
      const target = r.target !== undefined ? this.str(r.target) : undefined;
      const fromItem = r.fromItem !== undefined ? this.str(r.fromItem) : undefined;
      if (target === undefined) {
        copy = fromItem === undefined ? { kind, form, slug, text, range, slugRange, field } : { kind, form, slug, text, range, slugRange, field, fromItem };
      } else {
        copy = fromItem === undefined ? { kind, form, slug, text, range, slugRange, field, target } : { kind, form, slug, text, range, slugRange, field, target, fromItem };
      }
      this.copiedRefs.set(r, copy);
    }
    return copy;
  }

  /**
   * What every item keeps: no fields, no description. Kinds add their properties to this
   * object by assignment, not by spreading it into a new one: a spread copy gets a hidden
   * class of its own in V8 (hundreds of bytes per item, kept for as long as the document).
   */
  base(item: Item): ItemBase {
    return {
      kind: item.kind,
      id: this.str(item.id),
      name: this.str(item.name),
      depth: item.depth,
      headingRange: this.range(item.headingRange),
      nameRange: this.featureRange(item.nameRange),
      range: this.featureRange(item.range),
      fields: [],
      references: this.refs(item.references),
      description: '',
      fieldInsertPosition: this.lean ? NOWHERE.start : this.position(item.fieldInsertPosition),
      hasFieldList: item.hasFieldList,
    };
  }

  /** One copy per step: the stage's and the document's lists share it, as in the model. */
  step(s: Step): Step {
    let copy = this.steps.get(s);
    if (!copy) {
      copy = this.base(s) as Step;
      if (s.stage !== undefined) copy.stage = this.str(s.stage);
      this.steps.set(s, copy);
    }
    return copy;
  }

  persona(p: Persona): Persona {
    const copy = this.base(p) as Persona;
    copy.heard = [];
    if (p.vulnerable !== undefined) copy.vulnerable = p.vulnerable;
    return copy;
  }

  stage(s: Stage): Stage {
    const copy = this.base(s) as Stage;
    copy.steps = s.steps.map((step) => this.step(step));
    return copy;
  }

  frontMatter(fm: FrontMatter): FrontMatter {
    return {
      range: this.range(fm.range),
      data: {},
      ...(fm.title !== undefined ? { title: this.str(fm.title) } : {}),
      ...(fm.lang !== undefined ? { lang: fm.lang } : {}),
      ...(fm.status !== undefined ? { status: this.str(fm.status) } : {}),
      personaFiles: fm.personaFiles.map((file) => ({ path: this.str(file.path), range: this.range(file.range) })),
      personaRefs: fm.personaRefs.map((r) => this.ref(r)),
    };
  }
}

/**
 * The compact form of a full model (a compact document is returned as it is). `lean`
 * (the CLI, where no editor feature asks): only what other files' rules read; references
 * no other file's rule sees are left out, and so are the ranges but the headings' and the
 * text of references (`compact.lean` says so).
 */
export function compactDocument(doc: BlueprintDocument, lean = false): BlueprintDocument {
  if (doc.compact) return doc;
  const copy = new Copier(lean);
  const personas: Persona[] = doc.personas.map((p) => copy.persona(p));
  const stories: Story[] = doc.stories.map((s) => copy.base(s) as Story);
  const stages: Stage[] = doc.stages.map((s) => copy.stage(s));
  const sections: Section[] = doc.sections.map((s) => ({ kind: s.kind, headingRange: copy.range(s.headingRange), range: copy.range(s.range), depth: s.depth }));
  return {
    uri: doc.uri,
    text: '',
    lang: doc.lang,
    ...(doc.frontMatter ? { frontMatter: copy.frontMatter(doc.frontMatter) } : {}),
    ...(doc.title !== undefined ? { title: copy.str(doc.title) } : {}),
    sections,
    personas,
    stories,
    stages,
    steps: doc.steps.map((step) => copy.step(step)),
    references: copy.refs(doc.references),
    problems: [],
    lineCount: doc.lineCount,
    compact: {
      ...(lean ? { lean: true } : {}),
      hash: contentHash(doc.text),
      length: doc.text.length,
      insertion: { personas: itemInsertionPoint(doc, 'personas'), stories: itemInsertionPoint(doc, 'stories') },
    },
  };
}
