/**
 * Words for the diff, in English or Dutch: one phrase per change and per attention
 * point, and a headline that counts ("Steps: 2 added · 1 moved · ⚠ 1 to look at").
 * Every formatter (terminal, Markdown, HTML, the editor) says the same.
 */
import { formatMessage } from '../i18n/message-catalogue';
import type { Lang } from '../model';
import { FIELD_SPECS } from '../vocabulary';
import type { Attention, Change } from './types';

function laneName(lane: string, locale: Lang): string {
  const spec = FIELD_SPECS.find((field) => field.key === lane);
  return locale === 'nl' ? spec?.nl[0] ?? lane : lane;
}

const quoted = (text: string | null, locale: Lang): string => (text === null ? formatMessage(locale, 'diff.none') : `'${text}'`);
const score = (value: number | null, locale: Lang): string => (value === null ? formatMessage(locale, 'diff.none') : value > 0 ? `+${value}` : String(value));
const stageName = (stage: string | null, locale: Lang): string => stage ?? formatMessage(locale, 'diff.noStage');
const who = (persona: string | null): string => (persona ? ` @${persona}` : '');

/** One change as a phrase, e.g. "moved from apply to decide". */
export function describeChange(change: Change, locale: Lang): string {
  const say = (key: Parameters<typeof formatMessage>[1], args: Record<string, string | number> = {}): string => formatMessage(locale, key, args);
  switch (change.kind) {
    case 'step-added': return say('diff.stepAdded');
    case 'step-removed': return say('diff.stepRemoved');
    case 'step-moved': return say('diff.stepMoved', { from: stageName(change.from, locale), to: stageName(change.to, locale) });
    case 'step-renamed': return say('diff.stepRenamed', { from: change.from });
    case 'lane-changed': return say('diff.laneChanged', { lane: laneName(change.lane, locale), from: quoted(change.from, locale), to: quoted(change.to, locale) });
    case 'persona-added': return say(change.inherited ? 'diff.personaAddedInherited' : 'diff.personaAdded', { persona: change.persona });
    case 'persona-removed': return say(change.inherited ? 'diff.personaRemovedInherited' : 'diff.personaRemoved', { persona: change.persona });
    case 'emotion-changed': return say('diff.emotionChanged', { who: who(change.persona), from: score(change.from, locale), to: score(change.to, locale) });
    case 'story-linked': return say('diff.storyLinked', { story: change.story });
    case 'story-unlinked': return say('diff.storyUnlinked', { story: change.story });
    case 'stage-added': return say('diff.stageAdded', { name: change.name });
    case 'stage-removed': return say('diff.stageRemoved', { name: change.name });
    case 'stage-renamed': return say('diff.stageRenamed', { from: change.from, to: change.to });
    case 'persona-defined': return say('diff.personaDefined', { name: change.name });
    case 'persona-deleted': return say('diff.personaDeleted', { name: change.name });
    case 'story-defined': return say('diff.storyDefined', { name: change.name });
    case 'story-deleted': return say('diff.storyDeleted', { name: change.name });
    case 'finding-new': return say('diff.findingNew', { severity: change.severity, message: change.message });
    case 'finding-fixed': return say('diff.findingFixed', { severity: change.severity, message: change.message });
  }
}

/** One attention point as a sentence. */
export function describeAttention(point: Attention, locale: Lang): string {
  switch (point.kind) {
    case 'step-lost-persona':
      return formatMessage(locale, 'diff.attention.stepLostPersona', {
        name: point.name, inherits: point.inherits.length > 0 ? point.inherits.map((p) => `@${p}`).join(', ') : formatMessage(locale, 'diff.none'),
      });
    case 'step-without-persona': return formatMessage(locale, 'diff.attention.stepWithoutPersona', { name: point.name });
    case 'vulnerable-persona-lost-steps': return formatMessage(locale, 'diff.attention.vulnerablePersonaLostSteps', { persona: point.persona, from: point.from, to: point.to });
    case 'emotion-dropped': return formatMessage(locale, 'diff.attention.emotionDropped', { who: who(point.persona), name: point.name, from: score(point.from, locale), to: score(point.to, locale) });
    case 'new-error': return formatMessage(locale, 'diff.attention.newError', { message: point.message });
  }
}

export interface HeadlineCount {
  steps: { added: number; removed: number; moved: number; renamed: number; changed: number };
  stages: { added: number; removed: number };
  findings: { new: number; fixed: number };
  attention: number;
}

/** Counts for a headline; `changed` counts steps with any other change. */
export function countChanges(changes: readonly Change[], attention: readonly Attention[]): HeadlineCount {
  const of = (kind: Change['kind']): number => changes.filter((change) => change.kind === kind).length;
  const changedSteps = new Set(
    changes.filter((c) => ['lane-changed', 'persona-added', 'persona-removed', 'emotion-changed', 'story-linked', 'story-unlinked'].includes(c.kind))
      .map((c) => ('step' in c ? c.step : '')),
  );
  return {
    steps: { added: of('step-added'), removed: of('step-removed'), moved: of('step-moved'), renamed: of('step-renamed'), changed: changedSteps.size },
    stages: { added: of('stage-added'), removed: of('stage-removed') },
    findings: { new: of('finding-new'), fixed: of('finding-fixed') },
    attention: attention.length,
  };
}

/** "Steps: 2 added · 1 moved · Stages: 1 added · Findings: 1 new, 0 fixed · ⚠ 1 to look at". */
export function headline(count: HeadlineCount, locale: Lang): string {
  const parts: string[] = [];
  const steps = (['added', 'removed', 'moved', 'renamed', 'changed'] as const)
    .filter((key) => count.steps[key] > 0)
    .map((key) => formatMessage(locale, `diff.count.steps${key[0].toUpperCase()}${key.slice(1)}` as 'diff.count.stepsAdded', { count: count.steps[key] }));
  if (steps.length > 0) parts.push(`${formatMessage(locale, 'diff.count.steps')}: ${steps.join(' · ')}`);
  const stages = (['added', 'removed'] as const)
    .filter((key) => count.stages[key] > 0)
    .map((key) => formatMessage(locale, key === 'added' ? 'diff.count.stepsAdded' : 'diff.count.stepsRemoved', { count: count.stages[key] }));
  if (stages.length > 0) parts.push(`${formatMessage(locale, 'diff.count.stages')}: ${stages.join(' · ')}`);
  if (count.findings.new + count.findings.fixed > 0) parts.push(formatMessage(locale, 'diff.count.findings', count.findings));
  if (count.attention > 0) parts.push(formatMessage(locale, 'diff.attention.count', { count: count.attention }));
  return parts.length > 0 ? parts.join(' · ') : formatMessage(locale, 'diff.noChanges');
}
