import { randomBytes } from 'node:crypto';

const secret = () => randomBytes(16).toString('base64');

/** Fresh secrets for a test CMS: CI has no .env, and tests never share keys with a real install. */
export function testSecrets(): Record<string, string> {
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    // Shared by the CMS and the website (which inherits the environment), as `npm start` does.
    VISITOR_ADDRESS_SECRET: secret(),
  };
}
