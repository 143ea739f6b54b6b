import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { localizedReadActions } from '../../../localization/localized-controller';
import { coordinatorsOf, takeCoordinators } from '../coordinators';

type Ctx = Parameters<ReturnType<typeof localizedReadActions>['find']>[0];
type Served = { data: { documentId: string; coordinators?: unknown } | { documentId: string; coordinators?: unknown }[] | null };

/**
 * The localized reads, plus `populate=coordinators`: the public names of each group's
 * coordinators, which live on memberships and accounts the public cannot read. The
 * parameter is taken out before Strapi validates the rest of the query.
 */
export default factories.createCoreController('api::group.group', ({ strapi }) => {
  const reads = localizedReadActions(strapi, 'api::group.group');

  function coordinatorsWanted(ctx: Ctx): boolean {
    const query = ctx.query as Record<string, unknown>;
    const taken = takeCoordinators(query.populate);
    if (typeof taken === 'string') throw new errors.ValidationError(taken, { source: 'query', param: 'populate' });
    if (taken.wanted && taken.rest !== query.populate) {
      const { populate: _populate, ...others } = query;
      ctx.query = taken.rest === undefined ? others : { ...others, populate: taken.rest };
    }
    return taken.wanted;
  }

  async function addCoordinators(served: Served) {
    const docs = served.data === null ? [] : Array.isArray(served.data) ? served.data : [served.data];
    const names = await coordinatorsOf(strapi, docs.map((doc) => doc.documentId));
    for (const doc of docs) doc.coordinators = names.get(doc.documentId) ?? [];
  }

  return {
    async find(ctx: Ctx) {
      const wanted = coordinatorsWanted(ctx);
      const served = (await reads.find.call(this, ctx)) as Served;
      if (wanted) await addCoordinators(served);
      return served;
    },
    async findOne(ctx: Ctx) {
      const wanted = coordinatorsWanted(ctx);
      const served = (await reads.findOne.call(this, ctx)) as Served | undefined;
      if (wanted && served?.data) await addCoordinators(served);
      return served;
    },
  };
});
