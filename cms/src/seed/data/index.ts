export { regions } from './regions';
export { people } from './people';
export { groups } from './groups';
export { events } from './events';
export { pages } from './pages';
