import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { readAccountChange } from '../members/account';
import type { Member } from '../members/sessions';
import { getService } from '../utils';

/** The member's own account: show and change it, take a copy of it, delete it. */
const account = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'account');

  return {
    async show(ctx: any) {
      ctx.body = { data: await service().show(ctx.state.member as Member) };
    },

    async update(ctx: any) {
      const change = readAccountChange(ctx.request.body);
      if (typeof change === 'string') throw new errors.ValidationError(change);
      ctx.body = { data: await service().change(ctx.state.member as Member, change) };
    },

    async export(ctx: any) {
      const data = await service().export(ctx.state.member as Member);
      ctx.set('Content-Disposition', `attachment; filename="chapterhouse-${(ctx.state.member as Member).username.replace(/[^\w.-]/g, '_')}.json"`);
      ctx.type = 'application/json; charset=utf-8';
      ctx.body = data;
    },

    async remove(ctx: any) {
      await service().remove(ctx.state.member as Member);
      ctx.status = 204;
    },
  };
};

export default account;
