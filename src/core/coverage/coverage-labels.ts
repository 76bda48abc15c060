/**
 * Words of the coverage (the matrix in the preview, the Markdown table, the terminal
 * table) in the file's keyword language.
 */
import type { Lang } from '../model';

export interface CoverageLabels {
  /** Column of steps that sit under no stage. */
  noStage: string;
  heading: string;
  persona: string;
  vulnerable: string;
  /** Legend and screen-reader text of the vulnerable mark. */
  vulnerableMark: string;
  heard: string;
  tested: string;
  yes: string;
  no: string;
  total: string;
  steps: string;
  withoutPersona: string;
  basis: string;
  basisValues: { heard: string; assumed: string; proposed: string; none: string };
  unknownPersonas: string;
  unknownHint: string;
  inherited: string;
  /** Caption of the matrix. */
  caption: (title: string, personas: number, stages: number) => string;
  /** Accessible name of a cell: persona, stage, count. */
  cell: (persona: string, stage: string, steps: number, inherited: number) => string;
  emptyVulnerable: string;
  noPersonas: string;
  noJourney: string;
  /** Under a table cut to its cell limit: how many personas were left out. */
  omitted: (personas: number, cells: number) => string;
}

const EN: CoverageLabels = {
  noStage: 'No stage',
  heading: 'Coverage',
  persona: 'Persona',
  vulnerable: 'Vulnerable',
  vulnerableMark: 'vulnerable',
  heard: 'Heard',
  tested: 'Tested',
  yes: 'yes',
  no: 'no',
  total: 'Total',
  steps: 'Steps',
  withoutPersona: 'Without persona',
  basis: 'Basis',
  basisValues: { heard: 'heard', assumed: 'assumed', proposed: 'proposed', none: 'not given' },
  unknownPersonas: 'Personas used in the journey but defined nowhere',
  unknownHint: 'Define them in the file or its personas files, or correct the reference.',
  inherited: 'inherited',
  caption: (title, personas, stages) =>
    `Coverage of ${title}: ${personas} ${personas === 1 ? 'persona' : 'personas'} across ${stages} ${stages === 1 ? 'stage' : 'stages'}.`,
  cell: (persona, stage, steps, inherited) =>
    `${persona} in ${stage}: ${steps} ${steps === 1 ? 'step' : 'steps'}` + (inherited > 0 ? `, ${inherited} inherited` : ''),
  emptyVulnerable: 'a vulnerable persona with no step in this stage',
  noPersonas: 'No personas are defined for this blueprint.',
  noJourney: 'This file has no journey steps yet.',
  omitted: (personas, cells) =>
    `${personas} more ${personas === 1 ? 'persona is' : 'personas are'} not shown: the table holds at most ${cells.toLocaleString('en')} cells.`,
};

const NL: CoverageLabels = {
  noStage: 'Geen fase',
  heading: 'Dekking',
  persona: 'Persona',
  vulnerable: 'Kwetsbaar',
  vulnerableMark: 'kwetsbaar',
  heard: 'Gehoord',
  tested: 'Getest',
  yes: 'ja',
  no: 'nee',
  total: 'Totaal',
  steps: 'Stappen',
  withoutPersona: 'Zonder persona',
  basis: 'Basis',
  basisValues: { heard: 'gehoord', assumed: 'aangenomen', proposed: 'voorstel', none: 'niet gegeven' },
  unknownPersonas: "Persona's die de klantreis noemt maar die nergens beschreven zijn",
  unknownHint: "Beschrijf ze in dit bestand of de personabestanden, of verbeter de verwijzing.",
  inherited: 'geërfd',
  caption: (title, personas, stages) =>
    `Dekking van ${title}: ${personas} ${personas === 1 ? 'persona' : "persona's"} over ${stages} ${stages === 1 ? 'fase' : 'fasen'}.`,
  cell: (persona, stage, steps, inherited) =>
    `${persona} in ${stage}: ${steps} ${steps === 1 ? 'stap' : 'stappen'}` + (inherited > 0 ? `, ${inherited} geërfd` : ''),
  emptyVulnerable: 'een kwetsbare persona zonder stap in deze fase',
  noPersonas: "Voor deze blueprint zijn geen persona's beschreven.",
  noJourney: 'Dit bestand heeft nog geen stappen.',
  omitted: (personas, cells) =>
    `${personas} ${personas === 1 ? 'persona wordt' : "persona's worden"} niet getoond: de tabel heeft hoogstens ${cells.toLocaleString('nl')} cellen.`,
};

export function coverageLabelsFor(lang: Lang): CoverageLabels {
  return lang === 'nl' ? NL : EN;
}
