import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MAX_PAGE_SIZE } from '@chapterhouse/config';
import { getService } from '../utils';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const KNOWN = new Set(['group', 'language', 'page', 'pageSize']);
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

function readQuery(query: Record<string, unknown>) {
  const unknown = Object.keys(query).filter((name) => !KNOWN.has(name));
  if (unknown.length) throw new errors.ValidationError(`Unknown query parameter(s): ${unknown.join(', ')}. Allowed: group, language, page, pageSize.`);
  const number = (name: string, fallback: number, max: number) => {
    const raw = query[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (typeof raw !== 'string' || !Number.isInteger(value) || value < 1 || value > max) {
      throw new errors.ValidationError(`"${name}" must be a whole number from 1 to ${max}.`);
    }
    return value;
  };
  const group = query.group;
  if (group !== undefined && (typeof group !== 'string' || !SLUG.test(group))) {
    throw new errors.ValidationError('"group" must be a group slug (lower-case letters, digits and hyphens).');
  }
  const language = query.language;
  if (language !== undefined && (typeof language !== 'string' || !LANGUAGE.test(language))) {
    throw new errors.ValidationError('"language" must be a BCP 47 language tag, such as "de" or "pt-BR".');
  }
  return {
    group: group as string | undefined,
    language: language as string | undefined,
    page: number('page', 1, 10_000),
    pageSize: number('pageSize', 10, MAX_PAGE_SIZE),
  };
}

/** The posts and photos imported from groups' feeds, newest first, optionally of one group. */
const imported = ({ strapi }: { strapi: Core.Strapi }) => ({
  async posts(ctx: any) {
    ctx.body = await getService(strapi, 'imported-items').latest('post', readQuery(ctx.query));
  },

  async photos(ctx: any) {
    ctx.body = await getService(strapi, 'imported-items').latest('photo', readQuery(ctx.query));
  },
});

export default imported;
