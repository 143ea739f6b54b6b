import type { Core } from '@strapi/strapi';

const REGISTER = 'plugin::users-permissions.auth.register';
const PERMISSION = 'plugin::users-permissions.permission';

/**
 * Whether visitors may create an e-mail/password account. Closed unless
 * ALLOW_SIGN_UP=true: until members can do something with an account, an open
 * sign-up only invites spam accounts. Closed means both users-permissions'
 * `allow_register` setting is off and the public role lacks the register action,
 * so a sign-up attempt gets 403.
 */
export async function applySignUpSetting(strapi: Core.Strapi) {
  const allow = process.env.ALLOW_SIGN_UP === 'true';
  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get()) ?? {}) as Record<string, unknown>;
  // The links of confirmation and password reset e-mails end on the website, in the
  // visitor's language, unless an administrator chose other pages in the admin.
  const website = String(strapi.config.get('plugin::community.webUrl')).replace(/\/+$/, '');
  const chosen = (key: string, fallback: string) => (typeof advanced[key] === 'string' && advanced[key] ? (advanced[key] as string) : fallback);
  const wanted = {
    allow_register: allow,
    email_confirmation_redirection: chosen('email_confirmation_redirection', `${website}/auth/confirmed`),
    email_reset_password: chosen('email_reset_password', `${website}/auth/reset-password`),
  };
  if (Object.entries(wanted).some(([key, value]) => advanced[key] !== value)) await store.set({ value: { ...advanced, ...wanted } });

  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  const granted = await strapi.db.query(PERMISSION).findMany({ where: { role: role.id, action: REGISTER } });
  if (allow && !granted.length) await strapi.db.query(PERMISSION).create({ data: { action: REGISTER, role: role.id } });
  if (!allow && granted.length) {
    await strapi.db.query(PERMISSION).deleteMany({ where: { id: { $in: granted.map((p: { id: number }) => p.id) } } });
  }
}
