import fc from 'fast-check';
import * as arb from '../../test/arbitraries';
import { sensorProperties } from './features';
import { sensorClassCode } from './sensor-classes';

const NOW = Date.parse('2026-11-25T07:30:00Z');
const freeFlow = fc.option(fc.constantFrom(30, 50, 90), { nil: undefined });

describe('sensorClassCode', () => {
  it('is equal for two readings exactly when the map properties they give are (2,000 runs)', () => {
    fc.assert(
      fc.property(
        arb.sensor,
        fc.option(arb.reading(), { nil: undefined }),
        fc.option(arb.reading(), { nil: undefined }),
        freeFlow,
        (sensor, a, b, kmh) => {
          const props = (r: typeof a) => sensorProperties(sensor, r, NOW, kmh);
          const code = (r: typeof a) => sensorClassCode(r, props(r).stale === true, kmh);
          const sameProps = JSON.stringify(props(a)) === JSON.stringify(props(b));
          expect(Object.is(code(a), code(b))).toBe(sameProps);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('tells a stale sensor from a fresh one with the same reading', () => {
    fc.assert(
      fc.property(fc.option(arb.reading(), { nil: undefined }), freeFlow, (reading, kmh) => {
        expect(sensorClassCode(reading, true, kmh)).not.toBe(sensorClassCode(reading, false, kmh));
      }),
    );
  });
});
