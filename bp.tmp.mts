import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBlueprint } from '/work/main/bench/generate';
import { runBench } from '/work/main/bench/preview';
const folder = join(process.cwd(), '.tmp', 'bench'); mkdirSync(folder, { recursive: true });
const file = join(folder, 'generated-1000.blueprint.md'); writeFileSync(file, generateBlueprint(1000));
await runBench({ 1000: file });
