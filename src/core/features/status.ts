/**
 * The status-bar summary of a blueprint: how many steps, how many have no persona.
 */
import type { WorkspaceIndex } from '../workspace/index-types';

/** Counts shown in the status bar. */
export interface StatusSummary {
  steps: number;
  withoutPersona: number;
}

/** Counts for one document, or undefined when it is not loaded. */
export function statusSummary(index: WorkspaceIndex, uri: string): StatusSummary | undefined {
  const doc = index.get(uri);
  if (!doc) return undefined;
  const withoutPersona = doc.steps.filter((step) => index.effectivePersonas(uri, step).length === 0).length;
  return { steps: doc.steps.length, withoutPersona };
}
