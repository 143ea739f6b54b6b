import { createHash } from 'node:crypto';
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { normalizeAddress, VISITOR_HEADER, vouchedAddress } from '../visitor-address';

const UID = 'api::group-application.group-application';

/** Fields a visitor may send; everything else in the payload is refused. */
const FIELDS = ['proposedName', 'city', 'country', 'languages', 'contactName', 'contactEmail', 'message'] as const;

export default factories.createCoreController(UID, ({ strapi }) => ({
  /**
   * A visitor's request to start a group. The answer says only that it was
   * received; the stored application is visible to editors alone. Submissions are
   * limited per client address over a rolling hour, counted in the database so the
   * limit holds across instances. The client is the visitor the website vouches for
   * (see visitor-address.ts), else the address of the connection.
   */
  async create(ctx) {
    const data = (ctx.request as any).body?.data;
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      throw new errors.ValidationError('Send the application as {"data": {...}}');
    }
    const unknown = Object.keys(data).filter((key) => !(FIELDS as readonly string[]).includes(key));
    if (unknown.length) {
      throw new errors.ValidationError(`Unknown field(s): ${unknown.join(', ')}. Allowed: ${FIELDS.join(', ')}`);
    }

    const { limit, windowMinutes, visitorSecret } = strapi.config.get('api.groupApplications', { limit: 5, windowMinutes: 60 }) as {
      limit: number;
      windowMinutes: number;
      visitorSecret?: string;
    };
    const client = vouchedAddress(ctx.get(VISITOR_HEADER), visitorSecret) ?? normalizeAddress(ctx.request.ip);
    const submitterKey = createHash('sha256')
      .update(`${strapi.config.get('server.app.keys', [''])[0]}:${client}`)
      .digest('hex')
      .slice(0, 32);
    const since = new Date(Date.now() - windowMinutes * 60_000).toISOString();
    const recent = await strapi.documents(UID).count({ filters: { submitterKey, createdAt: { $gt: since } } as any });
    if (recent >= limit) {
      ctx.status = 429;
      ctx.set('Retry-After', String(windowMinutes * 60));
      ctx.body = {
        data: null,
        error: {
          status: 429,
          name: 'TooManyRequests',
          message: `Too many applications from your address; please try again in ${windowMinutes} minutes.`,
        },
      };
      return;
    }

    const picked = Object.fromEntries(FIELDS.filter((key) => key in data).map((key) => [key, data[key]]));
    const created = await strapi.documents(UID).create({ data: { ...picked, state: 'new', submitterKey } as any });
    ctx.status = 201;
    ctx.body = { data: { documentId: created.documentId, status: 'received' } };
  },
}));
