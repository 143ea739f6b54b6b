/** A write through the Document Service, as far as the public caches care. */
export interface Write {
  uid: string;
  action: string;
  params: { status?: string; data?: Record<string, unknown> } | undefined;
  draftAndPublish: boolean;
  /** For memberships: whether the membership was a coordinator's before the write. */
  wasCoordinator?: boolean;
}

/** Applications and the like: only editors ever read them. */
const NEVER_PUBLIC = new Set(['api::group-application.group-application']);
const MEMBERSHIP = 'api::membership.membership';
const USER = 'plugin::users-permissions.user';
/** What of an account the public sees: a coordinator's display name, unless the account is blocked. */
const PUBLIC_ACCOUNT_FIELDS = ['displayName', 'blocked'];
/** What of a coordinator's membership a group page shows: who, where, in which order, and whether let in (not their e-mail choice). */
const PUBLIC_MEMBERSHIP_FIELDS = ['role', 'user', 'group', 'joinedAt', 'state'];

/**
 * Whether a write can change what anonymous readers get, so the public caches must be
 * renewed. A draft saved, discarded or cloned changes nothing public until it is
 * published; an application or a plain member's membership never does.
 */
export function changesPublic(write: Write): boolean {
  const { uid, action, params, draftAndPublish } = write;
  if (!['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone'].includes(action)) return false;
  if (uid === USER) return action === 'delete' || (action === 'update' && PUBLIC_ACCOUNT_FIELDS.some((field) => field in (params?.data ?? {})));
  if (!uid.startsWith('api::') || NEVER_PUBLIC.has(uid)) return false;
  if (uid === MEMBERSHIP) {
    if (params?.data?.role === 'coordinator') return true;
    if (!write.wasCoordinator) return false;
    return action !== 'update' || PUBLIC_MEMBERSHIP_FIELDS.some((field) => field in (params?.data ?? {}));
  }
  if (!draftAndPublish) return action !== 'discardDraft' && action !== 'clone';
  switch (action) {
    case 'publish':
    case 'unpublish':
      return true;
    case 'delete':
      return params?.status !== 'draft';
    case 'create':
    case 'update':
    case 'clone':
      return params?.status === 'published';
    default:
      return false;
  }
}

/** Writes that take published content away: no row is left to carry their time. */
export const isRemoval = (action: string) => action === 'delete' || action === 'unpublish';
