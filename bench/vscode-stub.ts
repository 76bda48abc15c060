/**
 * A stand-in for the `vscode` module, enough to load `dist/extension.js` and run
 * `activate` outside VS Code for the activation benchmark. Every member is a callable,
 * constructible proxy that returns another such proxy, so registrations "succeed";
 * the few values activation inspects (open documents, editors, folders) are empty, and
 * `window.withProgress` runs its task.
 */
import { readFileSync, readdirSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';

type Anything = ((...args: unknown[]) => unknown) & Record<string | symbol, unknown>;

const empty: Record<string, unknown> = {
  textDocuments: [],
  visibleTextEditors: [],
  activeTextEditor: undefined,
  workspaceFolders: undefined,
  language: 'en',
};

/**
 * Members that must do what VS Code does for the extension's code to run at all:
 * `withProgress` runs its task (the indexer's loop runs inside it) with a progress that
 * takes reports and a token never cancelled.
 */
const working: Record<string, unknown> = {
  'vscode.window.withProgress': (_options: unknown, task: (progress: unknown, token: unknown) => unknown) =>
    Promise.resolve(task({ report: () => undefined }, { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) })),
};

function anything(path: string): Anything {
  const target = function stub() {} as unknown as Anything;
  return new Proxy(target, {
    get(_target, property) {
      if (property === 'then') return undefined; // not a promise
      if (property === Symbol.toPrimitive) return () => path;
      if (typeof property === 'string' && property in empty) return empty[property];
      const member = `${path}.${String(property)}`;
      return member in working ? working[member] : anything(member);
    },
    set: () => true,
    apply: () => anything(`${path}()`),
    construct: () => anything(`new ${path}`),
  });
}

/**
 * The `vscode` members the extension's sources name. The bundle copies the module's own
 * properties into a namespace object, so they must exist up front.
 */
function namesUsed(): string[] {
  const folder = join(import.meta.dirname, '../src/extension');
  const names = new Set<string>();
  for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts')) continue;
    for (const match of readFileSync(join(folder, file), 'utf8').matchAll(/\bvscode\.(\w+)/g)) names.add(match[1]!);
  }
  return [...names];
}

/** Makes `require('vscode')` return the stub. */
export function installVscodeStub(): void {
  const moduleWithLoad = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = moduleWithLoad._load;
  const vscode = Object.fromEntries(namesUsed().map((name) => [name, anything(`vscode.${name}`)]));
  moduleWithLoad._load = function load(request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscode : original.call(this, request, ...rest);
  };
}

/** A minimal extension context. */
export function stubContext(): unknown {
  return Object.assign(anything('context'), { subscriptions: [] as unknown[] });
}
