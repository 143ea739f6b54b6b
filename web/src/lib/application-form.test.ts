import { describe, expect, it } from 'vitest';
import { fieldsNamedIn, readApplication, validateApplication } from './application-form';

function form(values: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) for (const v of [value].flat()) data.append(name, v);
  return data;
}

const valid = {
  proposedName: ' Nairobi User Group ',
  city: 'Nairobi',
  country: 'ke',
  languages: ['sw', 'en', 'en'],
  contactName: 'Amani',
  contactEmail: 'amani@example.org',
  message: 'Twenty of us meet every month already and would like to be listed.',
};

describe('validateApplication', () => {
  it('accepts and normalises a good application', () => {
    expect(validateApplication(readApplication(form(valid)))).toEqual({
      ok: true,
      value: { ...valid, proposedName: 'Nairobi User Group', country: 'KE', languages: ['sw', 'en'] },
    });
  });

  it('leaves out control characters other than tabs and line breaks', () => {
    const typed = readApplication(form({ ...valid, proposedName: 'Nai\u0000robi\u001b User Group', message: `${valid.message}\u0000\n\tThanks\u007f` }));
    expect(typed.proposedName).toBe('Nairobi User Group');
    expect(typed.message).toBe(`${valid.message}\n\tThanks`);
  });

  it('names each wrong field', () => {
    const result = validateApplication(
      readApplication(form({ ...valid, proposedName: 'x', city: '', country: 'Kenya', languages: ['swahili!'], contactEmail: 'nope', message: 'hi' })),
    );
    expect(result).toEqual({
      ok: false,
      errors: { proposedName: 'tooShort', city: 'required', country: 'country', languages: 'languages', contactEmail: 'email', message: 'tooShort' },
    });
    expect(validateApplication(readApplication(form({ ...valid, languages: [] })))).toMatchObject({ errors: { languages: 'required' } });
  });
});

describe('fieldsNamedIn', () => {
  it('reads the fields a CMS message names', () => {
    expect(fieldsNamedIn('contactEmail must be an e-mail; languages.0 is not a language tag')).toEqual(['languages', 'contactEmail']);
    expect(fieldsNamedIn('Too many applications')).toEqual([]);
  });
});
