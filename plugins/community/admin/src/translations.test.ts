import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { healthMessages, kindMessages, messages } from './messages';
import { messageId } from './plugin-id';

const DIR = path.join(__dirname, 'translations');
const read = (locale: string) => JSON.parse(fs.readFileSync(path.join(DIR, `${locale}.json`), 'utf8')) as Record<string, string>;
const LOCALES = ['en', 'fr', 'de', 'es', 'pt-BR', 'ja', 'zh-Hans'];

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

  for (const locale of LOCALES) {
    it(`exist in ${locale} for every message, with the same placeholders`, () => {
      const translated = read(locale);
      expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(translated)) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
        expect(argumentsOf(text), `${locale} ${key}`).toEqual(argumentsOf(english[key]!));
      }
    });
  }
});
