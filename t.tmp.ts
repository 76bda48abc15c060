import { buildDoc } from './test/unit/render/model-builder';
import { renderStandalonePage, renderMermaid } from './src/core/render';
import { writeFileSync } from 'node:fs';
const doc = buildDoc({ title: 'Apply for a living wage', personas: ['Maria', 'Ahmed'], stories: ['Benefit stopped without explanation'],
  stages: [
    { name: 'Discover', fields: [['persona', '@maria']], steps: [
      { name: 'Receives the suspension letter', fields: [['story', '#benefit-stopped-without-explanation'], ['customer', 'reads the letter and does **not** understand the reason'], ['frontstage', 'letter from the social welfare office'], ['backstage', 'caseworker records the decision in the case system'], ['support', 'case system; letter templates'], ['evidence', 'paper letter'], ['channel', 'post'], ['emotion', '-2'], ['pain', 'legal jargon, no phone number'], ['idea', 'plain-language letter with a named contact']] },
      { name: 'Searches the website', fields: [['persona', '@maria, @ahmed'], ['customer', 'looks for the reason online'], ['frontstage', 'website [benefits page](https://example.org)'], ['evidence', 'web page'], ['channel', 'web'], ['emotion', '@maria -1; @ahmed 1'], ['frontstge', 'typo field']] },
    ]},
    { name: 'Contact', steps: [
      { name: 'Calls the office', fields: [['persona', '@ahmed'], ['customer', 'calls and waits 40 minutes'], ['frontstage', 'call centre agent'], ['backstage', 'agent looks up the case'], ['support', 'telephony; CRM'], ['channel', 'phone'], ['emotion', '@maria -2; @ahmed 0'], ['tested', '2021-07-01 with @maria']] },
      { name: 'Home visit', fields: [['customer', 'talks to the caseworker at home'], ['frontstage', 'caseworker explains'], ['emotion', '2'], ['quote', 'Finally someone listened.']] },
    ]},
  ]});
const diagnostics = [
  { uri: doc.uri, range: doc.steps[3].headingRange, rule: 'step-without-persona', severity: 'warning' as const, message: "Step 'Home visit' has no persona: whose step is this?" },
  { uri: doc.uri, range: doc.steps[1].fields[6].range, rule: 'unknown-field', severity: 'warning' as const, message: "Unknown field 'frontstge'. Did you mean 'frontstage'?" },
  { uri: doc.uri, range: doc.personas[0].headingRange, rule: 'persona-not-heard', severity: 'warning' as const, message: "Persona 'Maria' has no heard entry." },
];
writeFileSync('/tmp/p-light.html', renderStandalonePage({ doc, diagnostics }));
writeFileSync('/tmp/p-dark.html', renderStandalonePage({ doc, diagnostics }, { theme: 'dark' }));
console.log(renderMermaid({ doc }));
