/**
 * Words the preview shows around the blueprint's own text: lane names, the three lines,
 * captions and toolbar labels, in the file's keyword language. Kept beside the renderer
 * because they are the grid's vocabulary (the rules' catalogue holds findings only).
 */
import type { Lang } from '../model';

export interface RenderLabels {
  lanes: Record<string, string>;
  lines: { interaction: string; visibility: string; internal: string };
  caption: (title: string, steps: number, stages: number) => string;
  untitled: string;
  otherFindings: string;
  noJourney: string;
  inherited: string;
  step: string;
  emotionOverall: string;
  findings: (count: number) => string;
  /** The journey diagram's name. */
  journey: string;
  /** A task's score on Mermaid's 1..5 scale, spoken. */
  score: (score: number) => string;
}

const EN: RenderLabels = {
  lanes: {
    evidence: 'Evidence',
    customer: 'Customer actions',
    frontstage: 'Frontstage',
    backstage: 'Backstage',
    support: 'Support processes',
    persona: 'Personas',
    story: 'Stories',
    channel: 'Channel',
    quote: 'Quote',
    emotion: 'Emotion',
    pain: 'Pain points',
    idea: 'Ideas',
    tested: 'Tested',
    duration: 'Duration',
    metric: 'Metric',
    owner: 'Owner',
    basis: 'Basis',
    other: 'Other',
  },
  lines: {
    interaction: 'Line of interaction',
    visibility: 'Line of visibility',
    internal: 'Line of internal interaction',
  },
  caption: (title, steps, stages) =>
    `Service blueprint: ${title}. ${steps} ${steps === 1 ? 'step' : 'steps'}` +
    (stages > 0 ? ` in ${stages} ${stages === 1 ? 'stage' : 'stages'}.` : '.'),
  untitled: 'Untitled blueprint',
  otherFindings: 'Findings outside the journey',
  noJourney: 'This file has no journey steps yet. Add a "Journey" heading with steps below it.',
  inherited: 'inherited',
  step: 'Step',
  emotionOverall: 'Everyone',
  findings: (count) => `${count} ${count === 1 ? 'finding' : 'findings'}`,
  journey: 'Journey diagram',
  score: (score) => `score ${score} of 5`,
};

const NL: RenderLabels = {
  lanes: {
    evidence: 'Bewijs',
    customer: 'Klantacties',
    frontstage: 'Voorkant',
    backstage: 'Achterkant',
    support: 'Ondersteuning',
    persona: "Persona's",
    story: 'Verhalen',
    channel: 'Kanaal',
    quote: 'Citaat',
    emotion: 'Emotie',
    pain: 'Pijnpunten',
    idea: 'Ideeën',
    tested: 'Getest',
    duration: 'Duur',
    metric: 'Meting',
    owner: 'Eigenaar',
    basis: 'Basis',
    other: 'Overig',
  },
  lines: {
    interaction: 'Interactielijn',
    visibility: 'Zichtbaarheidslijn',
    internal: 'Lijn van interne interactie',
  },
  caption: (title, steps, stages) =>
    `Service blueprint: ${title}. ${steps} ${steps === 1 ? 'stap' : 'stappen'}` +
    (stages > 0 ? ` in ${stages} ${stages === 1 ? 'fase' : 'fasen'}.` : '.'),
  untitled: 'Naamloze blueprint',
  otherFindings: 'Bevindingen buiten de klantreis',
  noJourney: 'Dit bestand heeft nog geen stappen. Voeg een kop "Klantreis" toe met stappen eronder.',
  inherited: 'geërfd',
  step: 'Stap',
  emotionOverall: 'Iedereen',
  findings: (count) => `${count} ${count === 1 ? 'bevinding' : 'bevindingen'}`,
  journey: 'Klantreisdiagram',
  score: (score) => `score ${score} van 5`,
};

/** Labels for a file language. */
export function labelsFor(lang: Lang): RenderLabels {
  return lang === 'nl' ? NL : EN;
}
