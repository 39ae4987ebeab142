import { t } from '../i18n/i18n';
import { messages as italianCatalogue } from '../i18n/catalogues/it';
import { bandName } from './bands';

describe('band names', () => {
  // 3GPP TS 38.101-1, table 5.2-1: NR band n78 spans 3300–3800 MHz; the lots Italy auctioned in
  // 2018 (AGCOM 231/18/CONS) are 3600–3800 MHz, whose centre, 3.7 GHz, names the band here.
  // TS 38.101-2: n258 spans 24.25–27.5 GHz, holding Italy's 26.5–27.5 GHz lots.
  it('names the mid band by the centre of the Italian 3.6–3.8 GHz lots, inside 3GPP n78', () => {
    const centreGhz = (3600 + 3800) / 2 / 1000;
    expect(centreGhz).toBeGreaterThanOrEqual(3.3);
    expect(centreGhz).toBeLessThanOrEqual(3.8);
    expect(bandName('n78', t)).toBe(`n78 · ${centreGhz} GHz`);
    expect(bandName('n258', t)).toBe('n258 · 26 GHz');
  });

  it('writes the frequency with the decimal comma in Italian', () => {
    expect(italianCatalogue['map.band.n78']).toBe('3,7 GHz');
  });
});
