import type { Band } from '../api/schemas/network';
import type { MessageKey } from '../i18n/catalogue';
import type { Translate } from '../i18n/i18n';

/**
 * A band's frequency, in the decimals of the language on screen: for n78 the centre of the
 * 3.6–3.8 GHz lots Italy auctioned in 2018, for n258 the 26 GHz lots.
 */
const BAND_FREQUENCY: Record<Band, MessageKey> = {
  n78: 'map.band.n78',
  n258: 'map.band.n258',
};

/** How a band is named wherever it is shown: its 3GPP name and its frequency, "n78 · 3.7 GHz". */
export const bandName = (band: Band, t: Translate) => `${band} · ${t(BAND_FREQUENCY[band])}`;
