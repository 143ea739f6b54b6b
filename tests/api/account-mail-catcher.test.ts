import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeHeader, startMailCatcher, type MailCatcher } from '../../scripts/mail-catcher';
import { call, makeAccount, removeAccount, type TestAccount } from './memberships-support';

/**
 * The catch-all SMTP server `npm start` runs when no SMTP_HOST is set, here in the CMS's
 * place of SMTP server: the CMS's own account e-mail lands in its folder as .eml files.
 */
describe('the local mail catcher of npm start', () => {
  let catcher: MailCatcher;
  let account: TestAccount;
  const lines: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chapterhouse-mail-'));

  beforeAll(async () => {
    catcher = await startMailCatcher({ dir, log: (line) => lines.push(line), port: inject('mailPort') });
    account = await makeAccount('mail-catcher-ada');
  });

  afterAll(async () => {
    await catcher?.close();
    await removeAccount(account);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function nextFile(seen: number): Promise<string> {
    for (let attempt = 0; attempt < 300; attempt++) {
      const files = fs.readdirSync(dir).filter((name) => name.endsWith('.eml')).sort();
      if (files.length > seen) return path.join(dir, files[seen]!);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('No message arrived');
  }

  it('keeps the CMS’s e-mail as an .eml file and logs its recipient and subject', async () => {
    const asked = await call('127.0.54.1', 'POST', '/api/auth/forgot-password', { body: { email: account.email } });
    expect(asked.status, asked.text).toBe(200);
    const file = await nextFile(0);
    const mail = await simpleParser(fs.readFileSync(file));
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.text : '').toContain(account.email);
    expect(mail.text).toMatch(/code=[0-9a-f]{128}/);
    expect(mail.subject).toBeTruthy();
    expect(lines).toEqual([`to ${account.email}: ${mail.subject} — ${path.basename(file)}`]);
  });

  it('decodes encoded subjects for its log line', () => {
    expect(decodeHeader('=?UTF-8?Q?Confirmez_votre_adresse_e-mail_=C3=A0_Chapterhouse?=')).toBe('Confirmez votre adresse e-mail à Chapterhouse');
    expect(decodeHeader('=?UTF-8?B?44Oh44O844Or44Ki44OJ44Os44K544Gu56K66KqN?=')).toBe('メールアドレスの確認');
    expect(decodeHeader('=?utf-8?Q?R=C3=A9initialiser?= =?utf-8?Q?_le_mot_de_passe?=')).toBe('Réinitialiser le mot de passe');
    expect(decodeHeader('Plain subject')).toBe('Plain subject');
  });
});
