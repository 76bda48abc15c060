/**
 * Loads Mermaid (its own chunk, `./mermaid-view`) the first time the diagram view is
 * opened and draws journeys with it. Draws that a newer one overtakes are dropped.
 */
import type { MermaidRenderer } from './mermaid-view';

let loading: Promise<MermaidRenderer> | undefined;
let latest = 0;

function load(): Promise<MermaidRenderer> {
  loading ??= import('./mermaid-view').then((module) => module.renderer).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * Draw `source` into `target`. Resolves false when a newer draw started meanwhile (this
 * one's result is thrown away), true when drawn.
 */
export async function drawMermaid(target: HTMLElement, source: string, options: { dark: boolean }): Promise<boolean> {
  const ticket = ++latest;
  const renderer = await load();
  if (ticket !== latest) return false;
  const svg = await renderer.render(source, options.dark);
  if (ticket !== latest) return false;
  // Mermaid ran with securityLevel 'strict' and sanitised its own output.
  target.innerHTML = svg;
  return true;
}
