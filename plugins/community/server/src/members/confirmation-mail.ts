import { DEFAULT_LOCALE, findLocale } from '@chapterhouse/config';

interface MailText {
  subject: string;
  /** The body; {username} and {link} are filled in. */
  body: string;
}

/** The address-confirmation e-mail of a new account, in each of the portal's languages. */
const CONFIRMATION: Record<string, MailText> = {
  en: {
    subject: 'Confirm your e-mail address',
    body: 'Hello {username},\n\nPlease confirm your e-mail address by opening this link:\n{link}\n\nIf you did not create this account, ignore this message.',
  },
  fr: {
    subject: 'Confirmez votre adresse e-mail',
    body: 'Bonjour {username},\n\nVeuillez confirmer votre adresse e-mail en ouvrant ce lien :\n{link}\n\nSi vous n’avez pas créé ce compte, ignorez ce message.',
  },
  de: {
    subject: 'Bestätigen Sie Ihre E-Mail-Adresse',
    body: 'Hallo {username},\n\nbitte bestätigen Sie Ihre E-Mail-Adresse, indem Sie diesen Link öffnen:\n{link}\n\nFalls Sie dieses Konto nicht angelegt haben, ignorieren Sie diese Nachricht.',
  },
  es: {
    subject: 'Confirma tu dirección de correo electrónico',
    body: 'Hola, {username}:\n\nConfirma tu dirección de correo electrónico abriendo este enlace:\n{link}\n\nSi no creaste esta cuenta, ignora este mensaje.',
  },
  'pt-BR': {
    subject: 'Confirme seu endereço de e-mail',
    body: 'Olá, {username}!\n\nConfirme seu endereço de e-mail abrindo este link:\n{link}\n\nSe você não criou esta conta, ignore esta mensagem.',
  },
  ja: {
    subject: 'メールアドレスの確認',
    body: '{username} 様\n\n次のリンクを開いてメールアドレスを確認してください:\n{link}\n\nこのアカウントに心当たりがない場合は、このメッセージを無視してください。',
  },
  'zh-Hans': {
    subject: '确认你的电子邮件地址',
    body: '{username}，你好：\n\n请打开以下链接确认你的电子邮件地址：\n{link}\n\n如果你没有创建此账户，请忽略此邮件。',
  },
  ar: {
    subject: 'أكّد عنوان بريدك الإلكتروني',
    body: 'مرحبًا {username}،\n\nيُرجى تأكيد عنوان بريدك الإلكتروني بفتح هذا الرابط:\n{link}\n\nإذا لم تُنشئ هذا الحساب، فتجاهل هذه الرسالة.',
  },
};

/** The confirmation e-mail in the account's language (English when it has none the portal speaks). */
export function confirmationMail(locale: string | null | undefined, username: string, link: string): { subject: string; text: string } {
  const text = CONFIRMATION[findLocale(locale) ?? DEFAULT_LOCALE] ?? CONFIRMATION[DEFAULT_LOCALE]!;
  return { subject: text.subject, text: text.body.replace('{username}', username).replace('{link}', link) };
}
