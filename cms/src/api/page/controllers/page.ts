import { factories } from '@strapi/strapi';
import { localizedReadActions } from '../../../localization/localized-controller';

export default factories.createCoreController('api::page.page', ({ strapi }) => localizedReadActions(strapi, 'api::page.page'));
