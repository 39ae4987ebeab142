import type { Theme } from '../../store/ui-store';
import type { ForecastColours } from '../chart/forecast-option';

export const FORECAST_COLOURS: Record<Theme, ForecastColours> = {
  dark: {
    text: '#b3bfcc',
    grid: '#2c3745',
    observed: '#e8edf3',
    median: '#7cc4ff',
    band: '#2f6fa8',
    now: '#ffd54a',
    threshold: '#ff9f6b',
  },
  light: {
    text: '#3f4b59',
    grid: '#d5dbe2',
    observed: '#111827',
    median: '#0b5cad',
    band: '#4a90d9',
    now: '#8a5a00',
    threshold: '#b3261e',
  },
};
