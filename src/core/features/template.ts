/**
 * The template "New Service Blueprint" writes: a well-formed blueprint with one persona,
 * one story and one stage with a step, in English or Dutch keywords.
 */
import { slug } from 'github-slugger';
import type { Lang } from '../model';

/** The Markdown of a new blueprint with the given title. */
export function newBlueprintTemplate(title: string, lang: Lang): string {
  const name = title.trim() || (lang === 'nl' ? 'Nieuwe dienst' : 'New service');
  return lang === 'nl' ? dutch(name) : english(name);
}

/** A file name for the title: its slug plus `.blueprint.md`. */
export function blueprintFileName(title: string): string {
  return `${slug(title.trim()) || 'service'}.blueprint.md`;
}

function english(title: string): string {
  return `---
blueprint: ${yamlString(title)}
lang: en
status: draft
---

# ${title}

What this service is for, and for whom.

## Personas

### Resident
Who they are and what their situation is.

- vulnerable: no
- needs: what they need from this service

## Stories

### First contact
- persona: @resident
> What the resident told us, in their own words.

## Journey

### Stage: Discover

#### Step: Finds out about the service
- persona: @resident
- story: #first-contact
- customer: what the resident does
- frontstage: what staff or systems do in sight
- backstage: what staff do out of sight
- support: systems, partners and rules
- evidence: what the resident sees or holds
- channel: web
- emotion: 0
`;
}

function dutch(title: string): string {
  return `---
blueprint: ${yamlString(title)}
lang: nl
status: draft
---

# ${title}

Waar deze dienst voor is, en voor wie.

## Persona's

### Inwoner
Wie ze zijn en wat hun situatie is.

- kwetsbaar: nee
- behoeften: wat ze van deze dienst nodig hebben

## Verhalen

### Eerste contact
- persona: @inwoner
> Wat de inwoner ons vertelde, in eigen woorden.

## Klantreis

### Fase: Oriënteren

#### Stap: Hoort van de dienst
- persona: @inwoner
- verhaal: #eerste-contact
- klant: wat de inwoner doet
- voorkant: wat medewerkers of systemen in zicht doen
- achterkant: wat medewerkers buiten zicht doen
- ondersteuning: systemen, partners en regels
- bewijs: wat de inwoner ziet of in handen heeft
- kanaal: web
- emotie: 0
`;
}

/** Quotes a title for YAML when it holds characters YAML would read as syntax. */
function yamlString(value: string): string {
  return /^[\w][\w .,'()-]*$/u.test(value) && !/:\s|\s#/.test(value) ? value : JSON.stringify(value);
}
