/**
 * The words editor features put in hovers, completion details, code lenses and the
 * preview's toolbar, in English and Dutch: text about a document, so in its language. Rule messages live in the core message catalogue; these are the features' own.
 */
import type { Lang } from '../model';

const en = {
  persona: 'persona',
  story: 'story',
  stage: 'stage',
  step: 'step',
  vulnerable: 'Vulnerable',
  yes: 'yes',
  no: 'no',
  heard: 'Heard',
  notHeard: 'not heard',
  heardOn: 'heard {date}',
  needs: 'Needs',
  usedInSteps: 'used in {count} steps',
  usedInOneStep: 'used in 1 step',
  answeredBySteps: 'answered by {count} steps',
  answeredByOneStep: 'answered by 1 step',
  steps: '{count} steps',
  oneStep: '1 step',
  withoutPersona: '{count} without persona',
  definedIn: 'defined in {file}',
  notUsed: 'not used in any step',
  fixAllOfRule: 'Fix all "{rule}" problems in this file',
  fixAllInFile: 'Fix all auto-fixable blueprint problems in this file',
  previewToolbar: 'Blueprint preview',
  previewPersona: 'Persona',
  allPersonas: 'All personas',
  clientView: 'Client view',
  journeyDiagram: 'Journey diagram',
  coverage: 'Coverage',
  exportView: 'Export…',
  present: 'Present',
  presentation: 'Presentation',
  previousSlide: 'Previous',
  nextSlide: 'Next',
  oneStepAtATime: 'One step at a time',
  leavePresentation: 'Leave (Esc)',
  stageOf: 'stage {n} of {total}',
  stepOf: 'step {n} of {total}',
  stepsOf: 'steps {from}–{to} of {total}',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomLevel: 'Zoom',
  fitWidth: 'Fit to width',
  print: 'Print / PDF…',
  copyImage: 'Copy image',
  copied: 'Copied the picture to the clipboard.',
  savePng: 'Save PNG…',
  saveSvg: 'Save SVG…',
};

type LabelKey = keyof typeof en;

const nl: Record<LabelKey, string> = {
  persona: 'persona',
  story: 'verhaal',
  stage: 'fase',
  step: 'stap',
  vulnerable: 'Kwetsbaar',
  yes: 'ja',
  no: 'nee',
  heard: 'Gehoord',
  notHeard: 'niet gehoord',
  heardOn: 'gehoord {date}',
  needs: 'Behoeften',
  usedInSteps: 'gebruikt in {count} stappen',
  usedInOneStep: 'gebruikt in 1 stap',
  answeredBySteps: 'beantwoord door {count} stappen',
  answeredByOneStep: 'beantwoord door 1 stap',
  steps: '{count} stappen',
  oneStep: '1 stap',
  withoutPersona: '{count} zonder persona',
  definedIn: 'gedefinieerd in {file}',
  notUsed: 'in geen enkele stap gebruikt',
  fixAllOfRule: 'Alle "{rule}"-problemen in dit bestand oplossen',
  fixAllInFile: 'Alle automatisch oplosbare blueprintproblemen in dit bestand oplossen',
  previewToolbar: 'Blueprint-voorbeeld',
  previewPersona: 'Persona',
  allPersonas: "Alle persona's",
  clientView: 'Klantweergave',
  journeyDiagram: 'Klantreisdiagram',
  coverage: 'Dekking',
  exportView: 'Exporteren…',
  present: 'Presenteren',
  presentation: 'Presentatie',
  previousSlide: 'Vorige',
  nextSlide: 'Volgende',
  oneStepAtATime: 'Eén stap tegelijk',
  leavePresentation: 'Stoppen (Esc)',
  stageOf: 'fase {n} van {total}',
  stepOf: 'stap {n} van {total}',
  stepsOf: 'stappen {from}–{to} van {total}',
  zoomIn: 'Inzoomen',
  zoomOut: 'Uitzoomen',
  zoomLevel: 'Zoom',
  fitWidth: 'Passend in breedte',
  print: 'Afdrukken / pdf…',
  copyImage: 'Afbeelding kopiëren',
  copied: 'De afbeelding is naar het klembord gekopieerd.',
  savePng: 'PNG opslaan…',
  saveSvg: 'SVG opslaan…',
};

const catalogue: Record<Lang, Record<LabelKey, string>> = { en, nl };

/** A feature label in the given language, `{name}` placeholders filled in. */
export function label(locale: Lang, key: LabelKey, args: Record<string, string | number> = {}): string {
  return catalogue[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** The preview toolbar's labels: text about the document, so in its language. */
export function previewToolbarLabels(locale: Lang): PreviewToolbarLabels {
  return {
    toolbar: label(locale, 'previewToolbar'),
    persona: label(locale, 'previewPersona'),
    allPersonas: label(locale, 'allPersonas'),
    clientView: label(locale, 'clientView'),
    diagram: label(locale, 'journeyDiagram'),
    coverage: label(locale, 'coverage'),
    exportView: label(locale, 'exportView'),
    present: label(locale, 'present'),
    presentation: label(locale, 'presentation'),
    previousSlide: label(locale, 'previousSlide'),
    nextSlide: label(locale, 'nextSlide'),
    oneStepAtATime: label(locale, 'oneStepAtATime'),
    leavePresentation: label(locale, 'leavePresentation'),
    progress: { stageOf: label(locale, 'stageOf'), stepOf: label(locale, 'stepOf'), stepsOf: label(locale, 'stepsOf') },
    zoomIn: label(locale, 'zoomIn'),
    zoomOut: label(locale, 'zoomOut'),
    zoomLevel: label(locale, 'zoomLevel'),
    fitWidth: label(locale, 'fitWidth'),
    print: label(locale, 'print'),
    copyImage: label(locale, 'copyImage'),
    copied: label(locale, 'copied'),
    savePng: label(locale, 'savePng'),
    saveSvg: label(locale, 'saveSvg'),
  };
}

/** The preview toolbar's and presentation mode's labels. */
export interface PreviewToolbarLabels {
  toolbar: string;
  persona: string;
  allPersonas: string;
  clientView: string;
  diagram: string;
  coverage: string;
  exportView: string;
  present: string;
  presentation: string;
  previousSlide: string;
  nextSlide: string;
  oneStepAtATime: string;
  leavePresentation: string;
  /** Progress line templates: `{n}`, `{total}`, `{from}`, `{to}` are filled in by the webview. */
  progress: { stageOf: string; stepOf: string; stepsOf: string };
  zoomIn: string;
  zoomOut: string;
  zoomLevel: string;
  fitWidth: string;
  print: string;
  copyImage: string;
  /** Said (a status message in the preview) when Copy image has put the picture on the clipboard. */
  copied: string;
  savePng: string;
  saveSvg: string;
}

/** "1 step" / "3 steps": picks the singular label when the count is one. */
export function counted(locale: Lang, count: number, one: LabelKey, many: LabelKey): string {
  return count === 1 ? label(locale, one) : label(locale, many, { count });
}
