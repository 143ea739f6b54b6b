import { factories } from '@strapi/strapi';
import { localizedReadActions } from '../../../localization/localized-controller';

export default factories.createCoreController('api::region.region', ({ strapi }) => localizedReadActions(strapi, 'api::region.region'));
