import fs from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { LOCALE_CODES } from '@chapterhouse/config';
import { describe, expect, it } from 'vitest';
import { healthMessages, kindMessages, messages } from './messages';
import { messageId } from './plugin-id';

const DIR = path.join(__dirname, 'translations');
const read = (locale: string) => JSON.parse(fs.readFileSync(path.join(DIR, `${locale}.json`), 'utf8')) as Record<string, string>;

/** The categories of every plural argument in a message, e.g. `[['one', 'other']]`; exact matches (`=0`) left out. */
function pluralCategories(elements: MessageFormatElement[]): string[][] {
  return elements.flatMap((element) => {
    if (element.type !== TYPE.plural && element.type !== TYPE.select) return [];
    const nested = Object.values(element.options).flatMap((option) => pluralCategories(option.value));
    if (element.type === TYPE.select) return nested;
    return [Object.keys(element.options).filter((key) => !key.startsWith('=')).sort(), ...nested];
  });
}

/** The names a message interpolates: `{count}`, `{count, plural, …}`. */
const argumentsOf = (text: string) => [...new Set([...text.matchAll(/\{\s*([a-zA-Z]+)\s*[,}]/g)].map((match) => match[1]))].sort();

describe('the admin texts', () => {
  const english = read('en');

  it('in English are the defaults the pages show when a translation is missing', () => {
    const defaults = [...Object.values(messages), ...Object.values(healthMessages), ...Object.values(kindMessages)];
    expect(Object.fromEntries(Object.entries(english).map(([key, text]) => [messageId(key), text]))).toEqual(
      Object.fromEntries(defaults.map((message) => [message.id, message.defaultMessage])),
    );
  });

  for (const locale of LOCALE_CODES) {
    it(`exist in ${locale} for every message, with the same placeholders`, () => {
      const translated = read(locale);
      expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(translated)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(argumentsOf(text), `${locale} ${key}`).toEqual(argumentsOf(english[key]!));
      }
    });

    it(`give every count in ${locale} each plural form its language needs, and no other`, () => {
      // The categories come from the language's CLDR plural rules, as Intl reports them.
      const needed = [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
      for (const [key, text] of Object.entries(read(locale))) {
        for (const categories of pluralCategories(parse(text))) expect(categories, `${locale} ${key}`).toEqual(needed);
      }
    });
  }
});
