export { BlueprintParser, parseBlueprint, parseWhole } from './parser';
export { LineIndex } from './text';
