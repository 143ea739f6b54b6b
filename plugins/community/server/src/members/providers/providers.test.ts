import { describe, expect, it } from 'vitest';
import { enabledProvider, enabledProviders } from '.';

const ids = (variables: Record<string, string>) => enabledProviders(variables).map((provider) => provider.id);

describe('the provider registry', () => {
  it('has e-mail sign-in alone when nothing else is set', () => {
    expect(ids({})).toEqual(['email']);
    expect(ids({ EMAIL_SIGN_IN: 'false' })).toEqual([]);
  });

  it('switches a provider on only when each of its settings is set, blanks counting as unset', () => {
    expect(ids({ GOOGLE_CLIENT_ID: 'id' })).toEqual(['email']);
    expect(ids({ GOOGLE_CLIENT_ID: 'id', GOOGLE_CLIENT_SECRET: '  ' })).toEqual(['email']);
    expect(ids({ OIDC_CLIENT_ID: 'id', OIDC_CLIENT_SECRET: 'secret' })).toEqual(['email']);
    expect(
      ids({
        GOOGLE_CLIENT_ID: 'g',
        GOOGLE_CLIENT_SECRET: 'gs',
        LINKEDIN_CLIENT_ID: 'l',
        LINKEDIN_CLIENT_SECRET: 'ls',
        OIDC_ISSUER: 'https://id.example.org',
        OIDC_CLIENT_ID: 'o',
        OIDC_CLIENT_SECRET: 'os',
        LAUNCHPAD_OPENID_URL: 'https://login.launchpad.net/',
      }),
    ).toEqual(['google', 'linkedin', 'oidc', 'launchpad', 'email']);
  });

  it('points Google and LinkedIn at their own issuers unless told otherwise', () => {
    const env = { GOOGLE_CLIENT_ID: 'g', GOOGLE_CLIENT_SECRET: 'gs', LINKEDIN_CLIENT_ID: 'l', LINKEDIN_CLIENT_SECRET: 'ls' };
    expect(enabledProvider('google', env)?.settings).toMatchObject({ issuer: 'https://accounts.google.com', pkce: true });
    expect(enabledProvider('linkedin', env)?.settings).toMatchObject({ issuer: 'https://www.linkedin.com/oauth', pkce: false });
    expect(enabledProvider('google', { ...env, GOOGLE_ISSUER: 'http://127.0.0.1:9999' })?.settings).toMatchObject({ issuer: 'http://127.0.0.1:9999' });
  });

  it('names the generic provider as configured', () => {
    const env = { OIDC_ISSUER: 'https://id.example.org', OIDC_CLIENT_ID: 'o', OIDC_CLIENT_SECRET: 'os' };
    expect(enabledProvider('oidc', env)?.name).toBe('OpenID Connect');
    expect(enabledProvider('oidc', { ...env, OIDC_NAME: 'Community ID' })?.name).toBe('Community ID');
    expect(enabledProvider({ toString: () => 'oidc' }, env)).toBeUndefined();
  });
});
