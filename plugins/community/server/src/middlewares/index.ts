import cachedRead from './cached-read';
import publicCache from './public-cache';
import signedIn from './signed-in';

export default { 'cached-read': cachedRead, 'public-cache': publicCache, 'signed-in': signedIn };
