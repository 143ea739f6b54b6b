import { factories } from '@strapi/strapi';
import { localizedReadActions } from '../../../localization/localized-controller';

export default factories.createCoreController('api::event.event', ({ strapi }) => localizedReadActions(strapi, 'api::event.event'));
