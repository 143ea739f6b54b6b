import { factories } from '@strapi/strapi';
import { localizedReadActions } from '../../../localization/localized-controller';
import { nextOccurrencesOf } from '../next-occurrences';

type Ctx = Parameters<ReturnType<typeof localizedReadActions>['find']>[0];
type Doc = { documentId: string; nextOccurrence?: unknown };
type Served = { data: Doc | Doc[] | null };

/**
 * The localized reads, each event with its `nextOccurrence` ({ start, end } in UTC, or null
 * once it is over): a series at its next date, as the recurrence engine expands it. The
 * answer may be cached until the first of those occurrences ends.
 */
export default factories.createCoreController('api::event.event', ({ strapi }) => {
  const reads = localizedReadActions(strapi, 'api::event.event');

  async function addNextOccurrences(ctx: Ctx, served: Served | undefined) {
    const docs = !served?.data ? [] : Array.isArray(served.data) ? served.data : [served.data];
    const now = new Date();
    const next = await nextOccurrencesOf(strapi, docs.map((doc) => doc.documentId), now);
    let freshUntil = Infinity;
    for (const doc of docs) {
      const occurrence = next.get(doc.documentId) ?? null;
      doc.nextOccurrence = occurrence;
      if (occurrence) freshUntil = Math.min(freshUntil, Date.parse(occurrence.end));
    }
    if (Number.isFinite(freshUntil)) (ctx.state as { freshUntil?: number }).freshUntil = freshUntil;
  }

  return {
    async find(ctx: Ctx) {
      const served = (await reads.find.call(this, ctx)) as Served;
      await addNextOccurrences(ctx, served);
      return served;
    },
    async findOne(ctx: Ctx) {
      const served = (await reads.findOne.call(this, ctx)) as Served | undefined;
      await addNextOccurrences(ctx, served);
      return served;
    },
  };
});
