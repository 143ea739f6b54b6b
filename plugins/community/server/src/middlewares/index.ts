import cachedRead from './cached-read';
import publicCache from './public-cache';
import signedIn from './signed-in';
import authLimit from './auth-limit';
import visitorAddress from './visitor-address';

export default { 'cached-read': cachedRead, 'public-cache': publicCache, 'signed-in': signedIn, 'auth-limit': authLimit, 'visitor-address': visitorAddress };
