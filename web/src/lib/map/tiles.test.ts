import { describe, expect, it } from 'vitest';
import { DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL, tileConfig } from './tiles';

describe('tileConfig', () => {
  it('uses OpenStreetMap with its attribution when nothing is configured', () => {
    expect(tileConfig(undefined, undefined)).toEqual({ url: DEFAULT_TILE_URL, attribution: DEFAULT_TILE_ATTRIBUTION });
    expect(tileConfig('  ', '')).toEqual({ url: DEFAULT_TILE_URL, attribution: DEFAULT_TILE_ATTRIBUTION });
    expect(DEFAULT_TILE_ATTRIBUTION).toContain('href="https://www.openstreetmap.org/copyright"');
  });

  it('draws no tiles for `none`', () => {
    expect(tileConfig('none', 'ignored')).toBeNull();
    expect(tileConfig(' NONE ', undefined)).toBeNull();
  });

  it('takes another server with its own attribution, and does not credit OpenStreetMap for it', () => {
    expect(tileConfig('https://tiles.example.org/{z}/{x}/{y}.png', 'Example tiles')).toEqual({
      url: 'https://tiles.example.org/{z}/{x}/{y}.png',
      attribution: 'Example tiles',
    });
    expect(tileConfig('https://tiles.example.org/{z}/{x}/{y}.png', undefined)?.attribution).toBe('');
  });
});
