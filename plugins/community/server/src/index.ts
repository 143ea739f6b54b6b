import bootstrap from './bootstrap';
import controllers from './controllers';
import middlewares from './middlewares';
import register from './register';
import routes from './routes';
import services from './services';

export default {
  register,
  bootstrap,
  controllers,
  middlewares,
  routes,
  services,
};
