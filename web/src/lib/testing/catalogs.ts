import { MESSAGES } from '$lib/i18n/messages';
import { registerCatalogs } from '$lib/i18n/translate';

// Tests render and translate in every language, as the server does.
registerCatalogs(MESSAGES);
