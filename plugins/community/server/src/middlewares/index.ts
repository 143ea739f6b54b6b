import cachedRead from './cached-read';
import publicCache from './public-cache';

export default { 'cached-read': cachedRead, 'public-cache': publicCache };
