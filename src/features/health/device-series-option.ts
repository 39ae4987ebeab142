import type { EChartsCoreOption } from 'echarts/core';
import type { DeviceSeries } from '../../api/schemas/health';
import { timeAxis, valueAxis } from '../../components/chart/axes';
import type { ForecastColours } from '../../components/chart/forecast-option';
import type { Translate } from '../../i18n/i18n';
import { formatNumber, formatTime } from '../../lib/format';
import { deviceHours, fallbackSpans, type DeviceHour } from '../../lib/health';

/**
 * A device's last day hour by hour: exams as steps, MB sent as a line on its own axis, and the
 * spans its transfers fell back to classical encryption shaded and named.
 */
export function deviceSeriesOption(
  series: DeviceSeries,
  colours: ForecastColours,
  t: Translate,
): EChartsCoreOption {
  const hours = deviceHours(series);
  const names = { exams: t('health.chart.exams'), data: t('health.chart.data') };

  return {
    animation: false,
    grid: { left: 56, right: 64, top: 40, bottom: 32 },
    legend: { top: 0, textStyle: { color: colours.text } },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: timeAxis(colours),
    yAxis: [
      valueAxis(names.exams, colours, { minInterval: 1 }),
      valueAxis(names.data, colours, { splitLine: { show: false } }),
    ],
    series: [
      {
        name: names.exams,
        type: 'line',
        step: 'start',
        symbol: 'none',
        areaStyle: { opacity: 0.25 },
        color: colours.median,
        data: hours.map((h) => [h.t, h.exams]),
        markArea: {
          silent: true,
          itemStyle: { color: colours.threshold, opacity: 0.15 },
          label: { color: colours.text, position: 'insideTop' },
          data: fallbackSpans(series).map(([from, to]) => [
            { xAxis: from, name: t('health.chart.fallback') },
            { xAxis: to },
          ]),
        },
      },
      {
        name: names.data,
        type: 'line',
        yAxisIndex: 1,
        step: 'start',
        symbol: 'none',
        color: colours.observed,
        data: hours.map((h) => [h.t, h.dataSentMB]),
      },
    ],
  };
}

/** The chart in words: the day's exams and data, the busiest hour, and any time on classical encryption. */
export function deviceSeriesSummary(series: DeviceSeries, name: string, t: Translate): string {
  const hours = deviceHours(series);
  const exams = hours.reduce((s, h) => s + h.exams, 0);
  const data = hours.reduce((s, h) => s + h.dataSentMB, 0);
  const busiest = hours.reduce<DeviceHour | null>((b, h) => (h.exams > (b?.exams ?? 0) ? h : b), null);
  const fallbackMinutes = hours.reduce((s, h) => s + h.fallbackMinutes, 0);
  return [
    t('health.chart.summary', { name, exams: formatNumber(exams), data: formatNumber(data, 1) }),
    busiest
      ? t('health.chart.busiest', { time: formatTime(busiest.t), count: busiest.exams })
      : t('health.chart.noExams'),
    fallbackMinutes > 0
      ? t('health.chart.fallbackMinutes', { minutes: formatNumber(fallbackMinutes) })
      : t('health.chart.allProtected'),
  ].join(' ');
}
