import { describe, expect, it } from 'vitest';
import { formatMessage, messageKeys, messages, placeholders } from '../../../src/core/i18n/message-catalogue';
import { allRules } from '../../../src/core/rules/registry';

describe('message catalogue', () => {
  it.each(messageKeys)('%s has English and Dutch with the same placeholders', (key) => {
    const { en, nl } = messages[key];
    expect(en.trim()).not.toBe('');
    expect(nl.trim()).not.toBe('');
    expect(placeholders(nl)).toEqual(placeholders(en));
  });

  it('has a finding message for every rule', () => {
    // Every rule id `a-b-c` has at least one key `rule.aBC…`.
    for (const rule of allRules) {
      const camel = rule.id.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      const prefix = rule.id === 'duplicate-id' ? 'rule.duplicate' : `rule.${camel}`;
      expect(messageKeys.some((key) => key.startsWith(prefix)), rule.id).toBe(true);
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
