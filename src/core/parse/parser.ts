/**
 * The parser entry points. A `BlueprintParser` belongs to one document and keeps the
 * chunks of its last parse, keyed by their text: after an edit only the chunks whose
 * text changed are parsed again.
 */
import type { BlueprintDocument } from '../model';
import { buildDocument, type PlacedChunk } from './build';
import { splitChunks } from './chunks';
import { parseChunk, slimChunk, type ParsedChunk } from './segments';
import { lineIndexOf, modelText, newList } from './text';
import { runToEnd } from '../steps';

export class BlueprintParser {
  private cache = new Map<string, ParsedChunk>();
  /** Chunks parsed (cache misses) by the last `parse`, for tests and the benchmark. */
  lastParsedChunks = 0;

  parse(source: string, uri: string): BlueprintDocument {
    return runToEnd(this.parseInSteps(source, uri));
  }

  /**
   * The same parse as steps: it pauses after each chunk parsed, so a caller indexing in
   * the background can give the host a turn between chunks (issue 13: no task of a
   * whole large file's parse). The document is built after the last step.
   */
  *parseInSteps(source: string, uri: string): Generator<void, BlueprintDocument, void> {
    const text = modelText(source);
    const next = new Map<string, ParsedChunk>();
    this.lastParsedChunks = 0;
    const placed = yield* placeChunks(text, (chunkText) => this.chunk(chunkText, next));
    this.cache = next;
    return buildDocument(uri, text, placed, lineIndexOf(text));
  }

  private chunk(chunkText: string, next: Map<string, ParsedChunk>): ParsedChunk {
    let parsed = this.cache.get(chunkText) ?? next.get(chunkText);
    if (!parsed) {
      parsed = parseChunk(chunkText);
      this.lastParsedChunks++;
    }
    next.set(chunkText, parsed);
    return parsed;
  }
}

/** A parsed chunk placed in the document, made by a constructor (see `ParsedPosition` in text.ts for why). */
class ChunkInPlace implements PlacedChunk {
  constructor(
    public parsed: ParsedChunk,
    public startLine: number,
    public startOffset: number,
  ) {}
}

/**
 * A text's chunks parsed one per step (`chunk` parses one), placed in the document. A
 * chunk that ends inside a fence or HTML block takes the next chunks in: one, then two,
 * four, … so a run of chunks that all end open (an HTML block before every heading) costs
 * a linear number of characters parsed, not a quadratic one. Taking in more than needed
 * is always correct: the reference is the whole document.
 */
function* placeChunks(text: string, chunk: (chunkText: string) => ParsedChunk): Generator<void, PlacedChunk[], void> {
  const spans = splitChunks(text);
  const placed: PlacedChunk[] = newList();
  let i = 0;
  while (i < spans.length) {
    const start = spans[i].start;
    let j = i;
    let parsed = chunk(text.slice(start, spans[j].end));
    let take = 1;
    while (parsed.endsOpen && j + 1 < spans.length) {
      j = Math.min(j + take, spans.length - 1);
      take *= 2;
      parsed = chunk(text.slice(start, spans[j].end));
    }
    placed.push(new ChunkInPlace(parsed, spans[i].startLine, start));
    i = j + 1;
    yield;
  }
  return placed;
}

/**
 * A parse for a compact document only (the background index, issue 13), in steps as
 * `parseInSteps`: each chunk's segments keep only what a compact document is made from
 * (headings, references, field keys, a persona's `vulnerable`, where fields go), so the
 * values, descriptions and ranges of every field die with the chunk that made them
 * instead of living on until the whole file is read (the collector then moved them to
 * its old space, as garbage that grew the editor's memory). The document returned is
 * no full model: fields hold no values or ranges and there are no descriptions or
 * problems; only `compactDocument` of it is meant, which equals `compactDocument` of the
 * full model (a property test holds them equal).
 */
export function* parseForCompactInSteps(source: string, uri: string): Generator<void, BlueprintDocument, void> {
  const text = modelText(source);
  const placed = yield* placeChunks(text, (chunkText) => slimChunk(parseChunk(chunkText)));
  return buildDocument(uri, text, placed, lineIndexOf(text), true);
}

/** Parse a document (chunked; no cache kept). Never throws on any text. */
export function parseBlueprint(text: string, uri: string): BlueprintDocument {
  return new BlueprintParser().parse(text, uri);
}

/** Parse a document in one piece, without chunking: the reference the chunked parse must equal. */
export function parseWhole(source: string, uri: string): BlueprintDocument {
  const text = modelText(source);
  return buildDocument(uri, text, [{ parsed: parseChunk(text), startLine: 0, startOffset: 0 }], lineIndexOf(text));
}
