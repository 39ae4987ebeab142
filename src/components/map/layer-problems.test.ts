import { HttpError, NetworkError } from '../../api/errors';
import { translate, type Translate } from '../../i18n/i18n';
import { formatTime } from '../../lib/format';
import { layerProblems, type LayerInput } from './layer-problems';

const t: Translate = (key, params) => translate('en', key, params);
const loaded = (dataUpdatedAt = 1_000): LayerInput => ({
  hasData: true,
  error: null,
  isError: false,
  dataUpdatedAt,
});
const refused = new HttpError('GET /sensors', 500);
const unreachable = new NetworkError('GET /sensors/readings', new TypeError('Failed to fetch'));

describe('map layer problems', () => {
  it('names every reason a layer could not load, and only for layers on the map', () => {
    const { failed, stale } = layerProblems(
      [
        {
          label: 'map.error.sensors',
          shown: true,
          queries: [
            { hasData: false, error: refused, isError: true, dataUpdatedAt: 0 },
            { hasData: false, error: unreachable, isError: false, dataUpdatedAt: 0 },
          ],
        },
        {
          label: 'map.layer.sites',
          shown: false,
          queries: [{ ...loaded(), hasData: false, error: refused }],
        },
      ],
      t,
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/^Sensors: /);
    expect(failed[0]).toContain('GET /sensors');
    expect(failed[0]).toContain('GET /sensors/readings');
    expect(stale).toEqual([]);
  });

  it('marks a layer drawn from data whose refresh failed as stale, with the time of that data', () => {
    const at = Date.UTC(2026, 11, 1, 9, 30);
    const { failed, stale } = layerProblems(
      [
        {
          label: 'map.error.sensors',
          shown: true,
          queries: [loaded(at + 60_000), { ...loaded(at), isError: true, error: unreachable }],
        },
        { label: 'map.error.past', shown: true, queries: [loaded()] },
      ],
      t,
    );
    expect(failed).toEqual([]);
    expect(stale).toEqual([`Sensors: stale, as of ${formatTime(at)}; the last refresh failed.`]);
  });
});
