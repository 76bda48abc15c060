export { BlueprintParser, parseBlueprint, parseWhole } from './parser';
export { LineIndex } from './text';
export { splitChunks } from './chunks';
export { parseChunk, type ParsedChunk } from './segments';
