/**
 * Test helpers for editor features: a workspace over in-memory files, and cursor
 * positions found by searching the text (so tests say "on `@maria` in the step").
 */
import { URI } from 'vscode-uri';
import { BlueprintWorkspace } from '../../../src/core/workspace';
import type { Position } from '../../../src/core/model';
import { memoryHost } from '../helpers/expectations';

/** URI of an in-memory file under `/ws`. */
export function uriOf(path: string): string {
  return URI.file(`/ws/${path}`).toString();
}

/** A workspace holding the given files (path → text), dependencies loaded. */
export async function workspaceWith(files: Record<string, string>): Promise<BlueprintWorkspace> {
  const workspace = new BlueprintWorkspace(memoryHost(files, uriOf));
  for (const [path, text] of Object.entries(files)) workspace.setText(uriOf(path), text);
  await workspace.loadDependencies();
  return workspace;
}

/**
 * The position of the `occurrence`-th match of `needle` in `text`, moved `offset`
 * characters into it (default: its first character).
 */
export function positionOf(text: string, needle: string, offset = 0, occurrence = 1): Position {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' (occurrence ${occurrence}) not in text`);
  }
  const before = text.slice(0, at + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** The position just after the `occurrence`-th `needle`: where the cursor is after typing it. */
export function after(text: string, needle: string, occurrence = 1): Position {
  return positionOf(text, needle, needle.length, occurrence);
}

export { applyEdits } from '../helpers/edits';

/** The text of a file's slice covered by a range. */
export function textAt(text: string, range: { start: Position; end: Position }): string {
  const lines = text.split('\n');
  if (range.start.line === range.end.line) return (lines[range.start.line] ?? '').slice(range.start.character, range.end.character);
  return [
    (lines[range.start.line] ?? '').slice(range.start.character),
    ...lines.slice(range.start.line + 1, range.end.line),
    (lines[range.end.line] ?? '').slice(0, range.end.character),
  ].join('\n');
}

export const PERSONAS = `---
blueprint: Shared personas
lang: en
---

# Shared personas

## Personas

### Maria
Single mother of two, lost her benefit in 2019.
- vulnerable: yes
- heard: 2021-05-12, interview at home; 2022-01-03, phone call
- needs: letters she can understand; one contact person

### Ahmed
Retired, reads Dutch slowly.
- vulnerable: no
`;

export const JOURNEY = `---
blueprint: Apply for a living wage
lang: en
personas: personas.blueprint.md
---

# Apply for a living wage

## Stories

### Benefit stopped without explanation
- persona: @maria
- heard: 2021-05-12
> Nobody told me why my benefit stopped.

## Journey

### Stage: Discover

#### Step: Receives the letter
- persona: @maria
- story: #benefit-stopped-without-explanation
- customer: reads the letter
- emotion: -2

#### Step: Calls the office
- customer: phones the office
- channel: phone

### Stage: Apply

#### Step: Fills in the form
- persona: [Maria](personas.blueprint.md#maria), @ahmed
- customer: fills in the form
`;
