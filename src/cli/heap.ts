/**
 * How far V8 lets the heap grow in the command line and the Action. V8 sets the next full
 * collection at up to four times what survived the last one when collections have been
 * cheap. A check keeps little (compact documents, about 100 KB per file) and makes much
 * short-lived garbage (a full model of each file, a few MB), so the heap grew to several
 * times what was alive: for 500 generated blueprints 340 MB of heap (430 MB resident)
 * where about 80 MB was alive. Growing by half of what survived keeps the peak near what
 * is alive (250 MB resident), for more collections of a small heap (issue 13;
 * `npm run bench -- scale` measures both).
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** Read by V8 whenever it sets the next limit, so setting it at start-up takes effect for the whole run. */
export function limitHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
