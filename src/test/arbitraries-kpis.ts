/** Arbitraries of the KPI answer (src/api/schemas/kpis.ts). */
import fc from 'fast-check';
import type { Kpi, KpisResponse } from '../api/schemas/kpis';
import { PERIODS } from '../api/schemas/kpis';
import { finite, isoDateTime, nonEmpty, text, uniqueList } from './arbitraries-common';

export const kpi: fc.Arbitrary<Kpi> = fc.record({
  id: nonEmpty,
  label: nonEmpty,
  unit: fc.oneof(fc.constantFrom('%', '€', 'sites', 'min', ''), text),
  value: fc.option(finite, { nil: null }),
  target: fc.option(finite, { nil: null }),
  previous: fc.option(finite, { nil: null }),
  direction: fc.constantFrom('higher-is-better' as const, 'lower-is-better' as const),
  trend: fc.array(fc.option(finite, { nil: null }), { maxLength: 12 }),
});
export const kpisResponse: fc.Arbitrary<KpisResponse> = fc.record({
  period: fc.constantFrom(...PERIODS),
  from: isoDateTime,
  to: isoDateTime,
  items: uniqueList(kpi, 'id'),
});
