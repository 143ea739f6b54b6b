import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readLocaleParam, type LocaleRequest } from '@chapterhouse/config';
import type { Member } from '../members/sessions';
import { getService } from '../utils';

function onlyFields(body: unknown, allowed: string[], shape: string): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new errors.ValidationError(`Send ${shape} as JSON.`);
  const unknown = Object.keys(body).filter((name) => !allowed.includes(name));
  if (unknown.length) throw new errors.ValidationError(`Unknown field(s): ${unknown.join(', ')}. Send ${shape}.`);
  return body as Record<string, unknown>;
}

/**
 * An error answer with its message. Thrown, a ForbiddenError would lose it: Strapi answers
 * authorization errors raised after its authentication step with a bare "Forbidden".
 */
function refuse(ctx: any, status: number, name: string, message: string) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: {} } };
}

function onlyQuery(ctx: any, allowed: string[]) {
  const unknown = Object.keys(ctx.query ?? {}).filter((name) => !allowed.includes(name));
  if (unknown.length) throw new errors.ValidationError(`Unknown query parameter(s): ${unknown.join(', ')}.${allowed.length ? ` Allowed: ${allowed.join(', ')}.` : ''}`);
}

/** A member's groups, joining and leaving them, and coordinators' answers to requests to join. */
const memberships = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'memberships');
  const member = (ctx: any) => ctx.state.member as Member;

  return {
    async myGroups(ctx: any) {
      onlyQuery(ctx, ['locale']);
      let locale: LocaleRequest | undefined;
      if (ctx.query.locale !== undefined) {
        const read = readLocaleParam(ctx.query.locale);
        if (typeof read === 'string') throw new errors.ValidationError(read);
        locale = read;
      }
      ctx.body = { data: await service().myGroups(member(ctx), locale) };
    },

    async show(ctx: any) {
      onlyQuery(ctx, []);
      const membership = await service().membershipIn(member(ctx), ctx.params.slug);
      if (!membership) throw new errors.NotFoundError(`You are not a member of "${ctx.params.slug}" and have not asked to join it.`);
      ctx.body = { data: membership };
    },

    async join(ctx: any) {
      const body = onlyFields(ctx.request.body, ['group'], '{ "group": "<slug>" }');
      const joined = await service().join(member(ctx), body.group);
      if ('conflict' in joined) return refuse(ctx, 409, 'ConflictError', joined.conflict);
      if ('forbidden' in joined) return refuse(ctx, 403, 'ForbiddenError', joined.forbidden);
      ctx.status = 201;
      ctx.body = { data: joined };
    },

    async update(ctx: any) {
      const body = onlyFields(ctx.request.body, ['wantsEmail'], '{ "wantsEmail": true|false }');
      if (typeof body.wantsEmail !== 'boolean') throw new errors.ValidationError('"wantsEmail" must be true or false.');
      await service().setWantsEmail(member(ctx), ctx.params.slug, body.wantsEmail);
      ctx.body = { data: { wantsEmail: body.wantsEmail } };
    },

    async leave(ctx: any) {
      await service().leave(member(ctx), ctx.params.slug);
      ctx.status = 204;
    },

    async requests(ctx: any) {
      onlyQuery(ctx, []);
      ctx.body = { data: await service().requests(member(ctx)) };
    },

    async approve(ctx: any) {
      await service().approve(member(ctx), ctx.params.documentId);
      ctx.body = { data: { status: 'active' } };
    },

    async decline(ctx: any) {
      await service().decline(member(ctx), ctx.params.documentId);
      ctx.body = { data: { status: 'declined' } };
    },
  };
};

export default memberships;
