/**
 * step-without-persona: every step belongs to someone. A step with no persona (own,
 * stage's or front matter's) is a step nobody was asked about.
 */
import type { BlueprintDocument, Fix, Step } from '../model';
import { formatMessage } from '../i18n/message-catalogue';
import { fieldKeysFor } from '../vocabulary';
import { escapeInline } from '../parse/escape';
import { writableAs } from '../parse/ids';
import type { RuleCode, RuleContext } from './types';
import { insertFieldEdit } from './util';

/** Who uses which persona in a document, counted once per check (blueprints can have 1000 steps). */
interface Usage {
  /** Persona slugs per step, in `doc.steps` order. */
  perStep: Array<Set<string>>;
  /** Steps using each slug, per stage id (`''` for steps outside a stage). */
  perStage: Map<string, Map<string, number>>;
  /** Steps using each slug in the whole document. */
  inDocument: Map<string, number>;
  /** Personas in scope, own file first, without duplicates. */
  inScope: string[];
}

function countUsage(context: RuleContext, perStep: Array<Set<string>>): Usage {
  const { doc, index } = context;
  const perStage = new Map<string, Map<string, number>>();
  const inDocument = new Map<string, number>();
  const increment = (map: Map<string, number>, slug: string): void => {
    map.set(slug, (map.get(slug) ?? 0) + 1);
  };
  doc.steps.forEach((step, i) => {
    const stage = step.stage ?? '';
    const counts = perStage.get(stage) ?? new Map<string, number>();
    perStage.set(stage, counts);
    for (const slug of perStep[i]) {
      increment(counts, slug);
      increment(inDocument, slug);
    }
  });
  const inScope = [...new Set(index.personasInScope(doc.uri).map(({ item }) => item.id))];
  return { perStep, perStage, inDocument, inScope };
}

/**
 * Personas in scope ordered by how likely they are meant for step `position`: used by the
 * steps right before or after it, then by the steps of its stage, then anywhere in the
 * file, then in definition order.
 */
function rankPersonas(usage: Usage, steps: readonly Step[], position: number): Array<{ slug: string; score: number[] }> {
  const neighbours = [usage.perStep[position - 1], usage.perStep[position + 1]].filter((s): s is Set<string> => s !== undefined);
  const stage = steps[position].stage;
  const stageCounts = stage !== undefined ? usage.perStage.get(stage) : undefined;
  const ranked = usage.inScope.map((slug, order) => ({
    slug,
    score: [
      neighbours.filter((used) => used.has(slug)).length,
      stageCounts?.get(slug) ?? 0,
      usage.inDocument.get(slug) ?? 0,
      -order,
    ],
  }));
  ranked.sort((a, b) => {
    for (let i = 0; i < a.score.length; i++) if (a.score[i] !== b.score[i]) return b.score[i] - a.score[i];
    return 0;
  });
  return ranked;
}

/**
 * How a fix names a persona: `@id`, or a link `[Name](#id)` to a persona of this file whose
 * id `@` cannot spell ("Maria 😀" has the id `maria-`, and `@maria-` reads as `@maria`).
 * Undefined when neither reads back as that persona.
 */
function personaReference(doc: BlueprintDocument, id: string): string | undefined {
  if (!id) return undefined;
  if (writableAs('at', id)) return `@${id}`;
  const own = doc.personas.find((persona) => persona.id === id);
  return own ? `[${escapeInline(own.name, true)}](#${id})` : undefined;
}

export const stepWithoutPersona: RuleCode = {
  id: 'step-without-persona',
  defaultSeverity: 'warning',
  fixable: true,
  check(context) {
    const { doc, index, locale } = context;
    // `persona` is the same word in both languages, but take it from the table.
    const key = fieldKeysFor('step', doc.lang).find((k) => k.spec.key === 'persona')?.word ?? 'persona';
    // Most steps have personas: find the ones without first, and only then do the
    // counting that ranks the fixes.
    const without = doc.steps.filter((step) => index.effectivePersonas(doc.uri, step).length === 0);
    if (without.length === 0) return;
    const perStep = doc.steps.map((step) => new Set(index.effectivePersonas(doc.uri, step).map((ref) => ref.slug)));
    let usage: Usage | undefined;
    doc.steps.forEach((step, position) => {
      if (perStep[position].size > 0) return;
      usage ??= countUsage(context, perStep);
      const ranked = rankPersonas(usage, doc.steps, position);
      const clearFavourite =
        ranked.length === 1 || (ranked.length > 1 && ranked[0].score.some((v, i) => v !== ranked[1].score[i] && i < 3));
      const fixes: Fix[] = [];
      for (const { slug } of ranked) {
        const written = personaReference(doc, slug);
        if (!written) continue;
        fixes.push({
          title: formatMessage(locale, 'fix.addPersona', { persona: written }),
          edits: [insertFieldEdit(doc, step, `${key}: ${written}`, 'first')],
          ...(fixes.length === 0 && clearFavourite ? { preferred: true } : {}),
        });
      }
      context.report({ range: step.headingRange, message: 'rule.stepWithoutPersona', args: { step: step.name }, fixes });
    });
  },
};
