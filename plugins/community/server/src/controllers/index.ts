import contentVersion from './content-version';
import geojson from './geojson';
import health from './health';

export default { 'content-version': contentVersion, geojson, health };
