import feedState from './feed-state/schema.json';
import photo from './photo/schema.json';
import post from './post/schema.json';

export default {
  post: { schema: post },
  photo: { schema: photo },
  'feed-state': { schema: feedState },
};
