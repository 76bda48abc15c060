/**
 * Stands in for `import { suite, test, … } from 'mocha'` in the web bundle of the suite:
 * mocha's browser build defines the TDD functions as globals in `mocha.setup`, after the
 * bundle was loaded, so each is looked up when called.
 */
type Globals = Record<'suite' | 'test' | 'suiteSetup' | 'suiteTeardown' | 'setup' | 'teardown', (...args: unknown[]) => unknown>;

const tdd = (name: keyof Globals) => (...args: unknown[]): unknown => (globalThis as unknown as Globals)[name](...args);

export const suite = tdd('suite');
export const test = tdd('test');
export const suiteSetup = tdd('suiteSetup');
export const suiteTeardown = tdd('suiteTeardown');
export const setup = tdd('setup');
export const teardown = tdd('teardown');
