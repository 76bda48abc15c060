/**
 * Realistic blueprints of any size for the benchmark: personas, stories and a journey of
 * stages and steps with every lane filled, in the shape service designers write them.
 */

const PERSONAS = ['Maria', 'Ahmed', 'Henk', 'Lotte', 'Sanne', 'Yusuf'];
const CHANNELS = ['post', 'phone', 'desk', 'web', 'home visit'];

export function generateBlueprint(stepCount: number, stepsPerStage = 20): string {
  const out: string[] = [];
  out.push('---', `blueprint: Generated journey of ${stepCount} steps`, 'lang: en', 'status: review', '---', '');
  out.push(`# Generated journey of ${stepCount} steps`, '', 'A journey generated for the benchmark.', '');
  out.push('## Personas', '');
  PERSONAS.forEach((name, i) => {
    out.push(`### ${name}`, `Citizen number ${i + 1}, described as a service designer would.`, '');
    out.push(`- vulnerable: ${i % 2 === 0 ? 'yes' : 'no'}`, `- heard: 2025-0${(i % 9) + 1}-12, interview at home`, '- needs: letters she can understand; one contact person', '');
  });
  out.push('## Stories', '');
  const stories: string[] = [];
  for (let i = 0; i < Math.max(3, Math.round(stepCount / 25)); i++) {
    const title = `Story number ${i + 1} about waiting`;
    stories.push(title.toLowerCase().replace(/ /g, '-'));
    out.push(`### ${title}`, `- persona: @${PERSONAS[i % PERSONAS.length].toLowerCase()}`, '- heard: 2025-05-12', '', `> I waited ${i + 2} weeks and nobody called me back.`, '');
  }
  out.push('## Journey', '');
  for (let step = 0; step < stepCount; step++) {
    if (step % stepsPerStage === 0) out.push(`### Stage: Stage ${step / stepsPerStage + 1}`, '');
    const persona = PERSONAS[step % PERSONAS.length].toLowerCase();
    const other = PERSONAS[(step + 1) % PERSONAS.length].toLowerCase();
    const story = stories[step % stories.length];
    out.push(
      `#### Step: Step ${step + 1} of the journey`,
      `- persona: @${persona}, @${other}`,
      `- story: [Waiting](#${story})`,
      `- customer: reads the *letter* for step ${step + 1} and calls the office`,
      '- frontstage: the caseworker explains the decision on the phone',
      '- backstage: the caseworker records the call in the case system',
      '- support: case system; letter templates; the [benefit rules](https://example.org/rules)',
      '- evidence: a paper letter with a reference number',
      `- channel: ${CHANNELS[step % CHANNELS.length]}`,
      `- emotion: @${persona} ${(step % 5) - 2}; @${other} ${((step + 2) % 5) - 2}`,
      '- pain: legal jargon, no phone number, long wait',
      '- idea: a plain-language letter with a named contact',
      step % 7 === 0 ? '- tested: 2025-07-01 with @maria' : '- duration: 10 minutes',
      '',
      'Notes from the session: the customer wanted **one** person to talk to.',
      '',
    );
  }
  return out.join('\n');
}

/**
 * A repository of many blueprints as an organisation keeps them (issue 13): products in
 * folders of 50, a shared personas file that every fifth product reads instead of its own
 * personas, links from one product's steps to another product's stories, and the usual
 * mistakes now and then (a misspelt persona, a personas file that is not there), so the
 * cross-file facts and the findings are those of a real catalogue. Paths are relative.
 */
export function generateRepository(count: number, steps: number): Map<string, string> {
  const files = new Map<string, string>();
  const shared = ['## Personas', ''];
  PERSONAS.forEach((name, i) => shared.push(`### ${name}`, `Shared persona ${i + 1}.`, '', `- vulnerable: ${i % 2 === 0 ? 'yes' : 'no'}`, '- heard: 2025-03-12, interview', ''));
  shared.push('### Willem', 'A shared persona no product uses yet.', '', '- heard: 2025-04-01, phone call', '');
  files.set('personas/shared.blueprint.md', shared.join('\n'));
  for (let i = 0; i < count - 1; i++) {
    const folder = `products/g${Math.floor(i / 50)}`;
    let text = generateBlueprint(steps).replace(/Generated journey/g, `Product ${i + 1} journey`);
    if (i % 5 === 0) {
      // Personas from the shared file instead of its own.
      text = text.replace('status: review\n', 'status: review\npersonas: ../../personas/shared.blueprint.md\n').replace(/## Personas\n[\s\S]*?(?=## Stories)/, '');
    }
    if (i % 7 === 3 && i % 50 !== 0) {
      text = text.replace('- story: [Waiting](#story-number-1-about-waiting)', `- story: [Waiting elsewhere](product-${i}.blueprint.md#story-number-1-about-waiting)`);
    }
    if (i % 17 === 4) text = text.replace('@ahmed,', '@ahmet,');
    if (i % 23 === 6) text = text.replace('status: review\n', 'status: review\npersonas: ./missing.blueprint.md\n');
    if (i % 13 === 9) text = text.replace(/\n/g, '\r\n');
    files.set(`${folder}/product-${i + 1}.blueprint.md`, text);
  }
  return files;
}
