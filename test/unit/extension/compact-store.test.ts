/**
 * The index cache's old folders: `FileCompactStore` deletes the `compact-<format>-<version>`
 * folders of other formats and versions from the extension's storage, through
 * `vscode.workspace.fs` (a fake here), and nothing else: its own folder, other files and
 * folders of storage stay. Failures are logged, never thrown.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { URI, Utils } from 'vscode-uri';
import { COMPACT_FORMAT } from '../../../src/core';
import { fake, fakeFs } from './vscode-fake';

vi.mock('vscode', async () => (await import('./vscode-fake')).vscodeFake);

const { FileCompactStore } = await import('../../../src/extension/compact-store');

const storage = URI.file('/storage/workspace-1');
const own = `compact-${COMPACT_FORMAT}-1.2.0`;
const bytes = new TextEncoder().encode('{}');

/** Puts a file at `path` inside storage. */
function file(path: string): void {
  fake.files.set(Utils.joinPath(storage, path).toString(), bytes);
}

/** What storage holds, as paths inside it. */
function stored(): string[] {
  const prefix = `${storage.toString()}/`;
  return [...fake.files.keys(), ...fake.folders].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)).sort();
}

const newStore = (): InstanceType<typeof FileCompactStore> => new FileCompactStore(storage as never, '1.2.0');

let logged: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  fake.files.clear();
  fake.folders.clear();
  logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('FileCompactStore: old cache folders', () => {
  it('deletes the folders of other formats and versions, and keeps its own and everything else', async () => {
    file(`${own}/a.json`);
    file(`compact-${COMPACT_FORMAT - 1}-1.1.0/a.json`);
    file(`compact-${COMPACT_FORMAT - 1}-1.1.0/b.json`);
    file(`compact-${COMPACT_FORMAT}-1.1.0/a.json`);
    fake.folders.add(Utils.joinPath(storage, 'compact-1-0.9.0').toString());
    // Not this store's: other folders and files, a file named like a cache folder.
    file('state.json');
    file('compact-2-0.1.0.json');
    file('compactness/a.json');
    file('compact-old/a.json');
    file('other-extension/compact-2-1.0.0/a.json');

    await newStore().removeStale();

    expect(stored()).toEqual([`${own}/a.json`, 'compact-2-0.1.0.json', 'compact-old/a.json', 'compactness/a.json', 'other-extension/compact-2-1.0.0/a.json', 'state.json'].sort());
    expect(logged).not.toHaveBeenCalled();
  });

  it('does it once, on the first look-up, without being asked', async () => {
    file(`compact-${COMPACT_FORMAT - 1}-1.1.0/a.json`);
    const store = newStore();
    const readDirectory = vi.spyOn(fakeFs, 'readDirectory');
    await store.get(URI.file('/workspace/a.blueprint.md') as never);
    await vi.waitFor(() => expect(stored()).toEqual([]));
    expect(readDirectory).toHaveBeenCalledTimes(1);
    await store.get(URI.file('/workspace/b.blueprint.md') as never);
    await store.removeStale();
    await store.removeStale();
    expect(stored()).toEqual([]);
    expect(readDirectory).toHaveBeenCalledTimes(1);
  });

  it('a storage folder not made yet is no failure, and is not listed (the host would log the failed listing)', async () => {
    const readDirectory = vi.spyOn(fakeFs, 'readDirectory');
    await expect(newStore().removeStale()).resolves.toBeUndefined();
    expect(readDirectory).not.toHaveBeenCalled();
    expect(logged).not.toHaveBeenCalled();
  });

  it('logs a failed deletion or listing and throws nothing; the other folders are still deleted', async () => {
    file(`compact-${COMPACT_FORMAT - 1}-1.1.0/a.json`);
    file(`compact-${COMPACT_FORMAT - 1}-1.0.0/a.json`);
    const locked = Utils.joinPath(storage, `compact-${COMPACT_FORMAT - 1}-1.0.0`).toString();
    const remove = fakeFs.delete;
    vi.spyOn(fakeFs, 'delete').mockImplementation(async (uri, options) => {
      if (uri.toString() === locked) throw Object.assign(new Error('locked'), { code: 'NoPermissions' });
      return remove(uri, options);
    });
    await expect(newStore().removeStale()).resolves.toBeUndefined();
    expect(stored()).toEqual([`compact-${COMPACT_FORMAT - 1}-1.0.0/a.json`]);
    expect(logged).toHaveBeenCalledTimes(1);

    vi.spyOn(fakeFs, 'readDirectory').mockRejectedValue(Object.assign(new Error('broken'), { code: 'Unavailable' }));
    await expect(newStore().removeStale()).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledTimes(2);
  });
});
