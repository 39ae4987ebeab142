import { rsrpClass } from './signal';

it('classes SS-RSRP by the 5G NR thresholds', () => {
  expect(rsrpClass(-75)).toBe('excellent');
  expect(rsrpClass(-80)).toBe('excellent');
  expect(rsrpClass(-85)).toBe('good');
  expect(rsrpClass(-95)).toBe('fair');
  expect(rsrpClass(-105)).toBe('poor');
  expect(rsrpClass(-111)).toBe('no-service');
});
