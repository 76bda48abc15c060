/**
 * Loads the picture maker (its own chunk, `./picture-view`, with modern-screenshot) the
 * first time a picture is asked for, as Mermaid is loaded for the diagram.
 */
import type { PictureMaker } from './picture-view';

let loading: Promise<PictureMaker> | undefined;

export function loadPictures(): Promise<PictureMaker> {
  loading ??= import('./picture-view').then((module) => module.pictures).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
