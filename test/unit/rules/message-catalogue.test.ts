import { describe, expect, it } from 'vitest';
import { formatMessage, messageKeys, messages, placeholders } from '../../../src/core/i18n/message-catalogue';
import { allRules } from '../../../src/core/rules/registry';
import { ruleDocs } from '../../../src/core/rules/docs.generated';

describe('message catalogue', () => {
  it.each(messageKeys)('%s has English and Dutch with the same placeholders', (key) => {
    const { en, nl } = messages[key];
    expect(en.trim()).not.toBe('');
    expect(nl.trim()).not.toBe('');
    expect(placeholders(nl)).toEqual(placeholders(en));
  });

  it('has the finding messages that every rule\'s doc source lists', () => {
    for (const rule of allRules) {
      const listed = ruleDocs[rule.id]?.messages ?? [];
      expect(listed.length, rule.id).toBeGreaterThan(0);
      for (const key of listed) expect(messageKeys, `${rule.id}: ${key}`).toContain(key);
    }
  });

  it('fills placeholders and leaves missing ones visible', () => {
    expect(formatMessage('en', 'fix.addPersona', { persona: '@maria' })).toBe('Add persona @maria');
    expect(formatMessage('nl', 'fix.addPersona', { persona: '@maria' })).toBe('Voeg persona @maria toe');
    expect(formatMessage('en', 'rule.unresolvedFile', {})).toBe("File '{path}' does not exist.");
    expect(formatMessage('nl', 'rule.emptyStage', { name: 'Nazorg' })).toBe("Fase 'Nazorg' heeft geen stappen.");
  });

  it('does not treat $ patterns in arguments specially', () => {
    expect(formatMessage('en', 'rule.unresolvedFile', { path: "$&$'.md" })).toBe("File '$&$'.md' does not exist.");
  });
});
