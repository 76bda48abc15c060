/**
 * step-without-persona: every step belongs to someone. A step with no persona (own,
 * stage's or front matter's) is a step nobody was asked about.
 */
import type { Fix, Step } from '../model';
import { formatMessage } from '../i18n/messages';
import { fieldKeysFor } from '../lanes';
import type { Rule, RuleContext } from './types';
import { insertFieldEdit } from './util';

/** Persona slugs a step uses, own or inherited. */
function personasOf(context: RuleContext, step: Step): Set<string> {
  return new Set(context.index.effectivePersonas(context.doc.uri, step).map((ref) => ref.slug));
}

/**
 * Personas in scope ordered by how likely they are meant for this step: used by the steps
 * right before or after it, then by the steps of its stage, then anywhere in the file,
 * then in definition order.
 */
function rankPersonas(context: RuleContext, step: Step): Array<{ slug: string; score: number[] }> {
  const { doc, index } = context;
  const steps = doc.steps;
  const position = steps.indexOf(step);
  const neighbours = [steps[position - 1], steps[position + 1]].filter((s): s is Step => s !== undefined);
  const counts = new Map<string, number[]>();
  const bump = (slug: string, slot: number): void => {
    const score = counts.get(slug);
    if (score) score[slot]++;
  };
  const seen = new Set<string>();
  const ordered: string[] = [];
  for (const { item } of index.personasInScope(doc.uri)) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    ordered.push(item.id);
    counts.set(item.id, [0, 0, 0]);
  }
  for (const neighbour of neighbours) for (const slug of personasOf(context, neighbour)) bump(slug, 0);
  for (const other of steps) {
    if (other === step) continue;
    const used = personasOf(context, other);
    for (const slug of used) {
      if (step.stage !== undefined && other.stage === step.stage) bump(slug, 1);
      bump(slug, 2);
    }
  }
  const ranked = ordered.map((slug, order) => ({ slug, score: [...(counts.get(slug) ?? [0, 0, 0]), -order] }));
  ranked.sort((a, b) => {
    for (let i = 0; i < a.score.length; i++) if (a.score[i] !== b.score[i]) return b.score[i] - a.score[i];
    return 0;
  });
  return ranked;
}

export const stepWithoutPersona: Rule = {
  id: 'step-without-persona',
  defaultSeverity: 'warning',
  description: 'A step with no persona, neither its own nor inherited from its stage or the front matter.',
  rationale:
    'A service blueprint made with citizens shows whose experience each step is. A step without a persona ' +
    'describes the organisation, not a person, so nobody can say whether it was checked with the people it affects.',
  howToFix:
    'Add a `persona:` field to the step (or to its stage, or `persona:` in the front matter for the whole journey) ' +
    'naming the personas who take this step, e.g. `- persona: @maria`.',
  docs: 'docs/rules/step-without-persona.md',
  fixable: true,
  examples: {
    fires: `## Personas

### Maria
- heard: 2024-03-02, interview at home

## Journey

### Step: Receives the letter
- customer: reads the letter
`,
    passes: `## Personas

### Maria
- heard: 2024-03-02, interview at home

## Journey

### Step: Receives the letter
- persona: @maria
- customer: reads the letter
`,
  },
  check(context) {
    const { doc, index, locale } = context;
    // `persona` is the same word in both languages, but take it from the table.
    const key = fieldKeysFor('step', doc.lang).find((k) => k.spec.key === 'persona')?.word ?? 'persona';
    for (const step of doc.steps) {
      if (index.effectivePersonas(doc.uri, step).length > 0) continue;
      const ranked = rankPersonas(context, step);
      const clearFavourite =
        ranked.length === 1 || (ranked.length > 1 && ranked[0].score.some((v, i) => v !== ranked[1].score[i] && i < 3));
      const fixes: Fix[] = ranked.map(({ slug }, i) => ({
        title: formatMessage(locale, 'fix.addPersona', { persona: slug }),
        edits: [insertFieldEdit(doc, step, `${key}: @${slug}`)],
        ...(i === 0 && clearFavourite ? { preferred: true } : {}),
      }));
      context.report({ range: step.headingRange, message: 'rule.stepWithoutPersona', args: { step: step.name }, fixes });
    }
  },
};
