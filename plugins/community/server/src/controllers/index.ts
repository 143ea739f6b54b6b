import geojson from './geojson';
import health from './health';

export default { geojson, health };
