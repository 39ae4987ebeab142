import type { Kpi } from '../../api/schemas/kpis';
import { loadLanguage, setCurrentLanguage } from '../../i18n/i18n';
import { kpiAssessment, formatKpiValue } from './kpi-assessment';

const kpi = (over: Partial<Kpi>): Kpi => ({
  id: 'k',
  label: 'K',
  unit: '%',
  value: 80,
  target: 90,
  previous: 75,
  direction: 'higher-is-better',
  trend: [],
  ...over,
});

describe('kpiAssessment', () => {
  it('judges against the target in the KPI direction', () => {
    expect(kpiAssessment(kpi({})).label).toBe('Misses target');
    expect(kpiAssessment(kpi({ value: 95 })).label).toBe('Meets target');
    expect(kpiAssessment(kpi({ direction: 'lower-is-better', value: 10, target: 15 })).label).toBe(
      'Meets target',
    );
    expect(kpiAssessment(kpi({ target: null })).label).toBe('No target');
  });

  it('says which way the value moved and whether that is better', () => {
    expect(kpiAssessment(kpi({})).change).toBe('↑ 5 (better)');
    expect(kpiAssessment(kpi({ direction: 'lower-is-better' })).change).toBe('↑ 5 (worse)');
    expect(kpiAssessment(kpi({ previous: null })).change).toBe('—');
  });

  it('formats values with their unit', () => {
    expect(formatKpiValue(2_260_190, '€')).toBe('€2,260,190');
    expect(formatKpiValue(81.1, '%')).toBe('81.1%');
    expect(formatKpiValue(null, 'min')).toBe('—');
  });
});

describe('kpiAssessment in Italian', () => {
  beforeAll(() => loadLanguage('it'));
  afterEach(() => setCurrentLanguage('en'));

  it('says the same in Italian, with Italian numbers', () => {
    setCurrentLanguage('it');
    const a = kpiAssessment(kpi({ value: 1250.5, previous: 1000, target: 2000 }));
    expect(a.label).toBe('Obiettivo non raggiunto');
    expect(a.change).toBe('↑ 250,5 (meglio)');
    expect(a.delta).toBe(250.5);
    expect(formatKpiValue(2_260_190, '€')).toBe('2.260.190\u00a0€');
  });
});
