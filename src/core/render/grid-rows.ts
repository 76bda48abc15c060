/**
 * The rows of the grid, in blueprint order, with the three lines between the lanes. The
 * row keys are the English field keys whatever the file's language (`data-lane` hooks).
 */
import type { Field } from '../model';

export type RowKind = 'lane' | 'line' | 'personas' | 'stories' | 'emotion';

export interface RowSpec {
  key: string;
  kind: RowKind;
  /**
   * `internal` rows are hidden in client view: the organisation's side of the line of
   * visibility, and bookkeeping a citizen does not need.
   */
  audience: 'everyone' | 'internal';
}

/** Field keys with a row of their own, in order; anything else goes to `other`. */
export const ROWS: readonly RowSpec[] = [
  { key: 'evidence', kind: 'lane', audience: 'everyone' },
  { key: 'customer', kind: 'lane', audience: 'everyone' },
  { key: 'line-of-interaction', kind: 'line', audience: 'everyone' },
  { key: 'frontstage', kind: 'lane', audience: 'everyone' },
  { key: 'line-of-visibility', kind: 'line', audience: 'internal' },
  { key: 'backstage', kind: 'lane', audience: 'internal' },
  { key: 'line-of-internal-interaction', kind: 'line', audience: 'internal' },
  { key: 'support', kind: 'lane', audience: 'internal' },
  { key: 'persona', kind: 'personas', audience: 'everyone' },
  { key: 'story', kind: 'stories', audience: 'everyone' },
  { key: 'channel', kind: 'lane', audience: 'everyone' },
  { key: 'quote', kind: 'lane', audience: 'everyone' },
  { key: 'emotion', kind: 'emotion', audience: 'everyone' },
  { key: 'pain', kind: 'lane', audience: 'everyone' },
  { key: 'idea', kind: 'lane', audience: 'everyone' },
  { key: 'tested', kind: 'lane', audience: 'everyone' },
  { key: 'duration', kind: 'lane', audience: 'everyone' },
  { key: 'metric', kind: 'lane', audience: 'internal' },
  { key: 'owner', kind: 'lane', audience: 'internal' },
  { key: 'basis', kind: 'lane', audience: 'internal' },
  { key: 'other', kind: 'lane', audience: 'internal' },
];

const ROW_KEYS = new Set(ROWS.filter((r) => r.kind !== 'line').map((r) => r.key));

/** The row a field is shown in: its own lane when it has one, else `other`. */
export function laneOfField(field: Field): string {
  return field.known && ROW_KEYS.has(field.key) ? field.key : 'other';
}
