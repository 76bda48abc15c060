/** unknown-field: a field key that is no known lane or field for its item kind. */
import { allItems, type Fix, type Item, type Lang } from '../model';
import { formatMessage, type MessageKey } from '../i18n/message-catalogue';
import { FIELD_SPECS } from '../vocabulary';
import type { RuleCode } from './types';
import { didYouMean } from './util';

/**
 * Known spellings for an item kind, preferred ones first: the file language's main word
 * for each field, then the other language's, then the remaining aliases. `didYouMean`
 * keeps this order among equally close candidates.
 */
function knownKeys(kind: Item['kind'], lang: Lang): string[] {
  const specs = FIELD_SPECS.filter((spec) => spec.kinds.includes(kind));
  const main = specs.map((spec) => (lang === 'nl' ? spec.nl[0] : spec.key));
  const other = specs.map((spec) => (lang === 'nl' ? spec.key : spec.nl[0]));
  const rest = specs.flatMap((spec) => [...spec.nl, spec.key, ...(spec.enAliases ?? [])]);
  return [...new Set([...main, ...other, ...rest])];
}

/** Keep the writer's capitalisation style: `Frontstge` → `Frontstage`. */
function matchCase(written: string, suggestion: string): string {
  const first = written.charAt(0);
  return first !== first.toLowerCase() ? suggestion.charAt(0).toUpperCase() + suggestion.slice(1) : suggestion;
}

export const unknownField: RuleCode = {
  id: 'unknown-field',
  defaultSeverity: 'warning',
  fixable: true,
  itemsOf: allItems,
  checkItem(context, item) {
    const { doc, locale } = context;
    for (const field of item.fields) {
      if (field.known) continue;
      const suggestions = didYouMean(field.rawKey.trim(), knownKeys(item.kind, doc.lang));
      const fixes: Fix[] = suggestions.map((suggestion, i) => {
        const newText = matchCase(field.rawKey.trim(), suggestion);
        return {
          title: formatMessage(locale, 'fix.changeTo', { suggestion: newText }),
          edits: [{ uri: doc.uri, range: field.keyRange, newText }],
          ...(i === 0 && suggestions.length === 1 ? { preferred: true } : {}),
        };
      });
      const kind = formatMessage(locale, `kind.${item.kind}` as MessageKey);
      context.report({
        range: field.keyRange,
        message: suggestions.length ? 'rule.unknownFieldDidYouMean' : 'rule.unknownField',
        args: { key: field.rawKey.trim(), kind, ...(suggestions.length ? { suggestion: suggestions[0] } : {}) },
        fixes,
      });
    }
  },
};
