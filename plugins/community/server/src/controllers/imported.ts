import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MAX_PAGE_SIZE, isSlug } from '@chapterhouse/config';
import { readPagination } from '../http/pagination';
import { getService } from '../utils';

const KNOWN = ['group', 'language', 'pagination'];
const LANGUAGE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Reads `group`, `language` and Strapi's `pagination[page]`/`pagination[pageSize]` (10 a page by default). */
function readQuery(query: Record<string, unknown>) {
  const unknown = Object.keys(query).filter((name) => !KNOWN.includes(name));
  if (unknown.length) {
    throw new errors.ValidationError(`Unknown query parameter(s): ${unknown.join(', ')}. Allowed: group, language, pagination[page], pagination[pageSize].`);
  }
  const group = query.group;
  if (group !== undefined && !isSlug(group)) {
    throw new errors.ValidationError('"group" must be a group slug (lower-case letters, digits and hyphens).');
  }
  const language = query.language;
  if (language !== undefined && (typeof language !== 'string' || !LANGUAGE.test(language))) {
    throw new errors.ValidationError('"language" must be a BCP 47 language tag, such as "de" or "pt-BR".');
  }
  const paging = readPagination(query.pagination, { pageSize: 10, maxPageSize: MAX_PAGE_SIZE });
  if (typeof paging === 'string') throw new errors.ValidationError(paging);
  return { group: group as string | undefined, language: language as string | undefined, ...paging };
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
