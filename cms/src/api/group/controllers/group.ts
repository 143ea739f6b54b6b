import { factories } from '@strapi/strapi';
import { localizedReadActions } from '../../../localization/localized-controller';

export default factories.createCoreController('api::group.group', ({ strapi }) => localizedReadActions(strapi, 'api::group.group'));
