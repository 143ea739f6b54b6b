import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::group-application.group-application');
