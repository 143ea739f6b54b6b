import { DEFAULT_LOCALE, findLocale } from './locales';

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

/** The password reset e-mail, in each of the portal's languages. */
const RESET: Record<string, MailText> = {
  en: {
    subject: 'Set a new password',
    body: 'Hello {username},\n\nTo set a new password, open this link:\n{link}\n\nIf you did not ask for it, ignore this message: your password stays as it is.',
  },
  fr: {
    subject: 'Choisissez un nouveau mot de passe',
    body: 'Bonjour {username},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien :\n{link}\n\nSi vous ne l’avez pas demandé, ignorez ce message : votre mot de passe ne change pas.',
  },
  de: {
    subject: 'Legen Sie ein neues Passwort fest',
    body: 'Hallo {username},\n\num ein neues Passwort festzulegen, öffnen Sie diesen Link:\n{link}\n\nFalls Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt, wie es ist.',
  },
  es: {
    subject: 'Elige una contraseña nueva',
    body: 'Hola, {username}:\n\nPara elegir una contraseña nueva, abre este enlace:\n{link}\n\nSi no lo pediste, ignora este mensaje: tu contraseña no cambia.',
  },
  'pt-BR': {
    subject: 'Defina uma nova senha',
    body: 'Olá, {username}!\n\nPara definir uma nova senha, abra este link:\n{link}\n\nSe você não pediu isso, ignore esta mensagem: sua senha continua a mesma.',
  },
  ja: {
    subject: '新しいパスワードの設定',
    body: '{username} 様\n\n新しいパスワードを設定するには、次のリンクを開いてください:\n{link}\n\n心当たりがない場合は、このメッセージを無視してください。パスワードは変わりません。',
  },
  'zh-Hans': {
    subject: '设置新密码',
    body: '{username}，你好：\n\n要设置新密码，请打开以下链接：\n{link}\n\n如果这不是你的请求，请忽略此邮件，你的密码不会改变。',
  },
  ar: {
    subject: 'عيّن كلمة مرور جديدة',
    body: 'مرحبًا {username}،\n\nلتعيين كلمة مرور جديدة، افتح هذا الرابط:\n{link}\n\nإذا لم تطلب ذلك، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.',
  },
};

function fill(texts: Record<string, MailText>, locale: string | null | undefined, username: string, link: string): { subject: string; text: string } {
  const text = texts[findLocale(locale) ?? DEFAULT_LOCALE] ?? texts[DEFAULT_LOCALE]!;
  return { subject: text.subject, text: text.body.replace('{username}', username).replace('{link}', link) };
}

/** The password reset e-mail in the account's language (English when it has none the portal speaks). */
export function resetMail(locale: string | null | undefined, username: string, link: string): { subject: string; text: string } {
  return fill(RESET, locale, username, link);
}

/** The confirmation e-mail in the account's language (English when it has none the portal speaks). */
export function confirmationMail(locale: string | null | undefined, username: string, link: string): { subject: string; text: string } {
  return fill(CONFIRMATION, locale, username, link);
}
