import { useMemo } from 'react';
import { deviceSeriesQuery } from '../../api/queries/health';
import type { Device, DeviceSeries } from '../../api/schemas/health';
import { ChartFigure } from '../../components/chart/chart-figure';
import { FORECAST_COLOURS } from '../../components/forecast/forecast-colours';
import { QueryPanel } from '../../components/ui/panel';
import { useLiveQuery } from '../../hooks/use-live-query';
import { useT } from '../../i18n/use-t';
import { deviceHours, type DeviceHour } from '../../lib/health';
import { useTheme } from '../../store/ui-store';
import { deviceSeriesOption, deviceSeriesSummary } from './device-series-option';

const HOURS = 24;

interface DeviceDetailProps {
  deviceId: string;
  /** The device as the devices list has it now, once loaded. */
  device: Device | undefined;
  onClose: () => void;
}

/**
 * The selected device's exams and data over the last day; its facts and path now are in the map's
 * details beside, where its path is drawn.
 */
export function DeviceDetail({ deviceId, device, onClose }: DeviceDetailProps) {
  const seriesOptions = deviceSeriesQuery(deviceId, HOURS);
  const series = useLiveQuery(seriesOptions);
  const t = useT();
  const name = device?.name ?? deviceId;
  return (
    <QueryPanel
      title={t('health.detail.title', { name })}
      query={series}
      options={seriesOptions}
      isEmpty={(d) => d.timestamps.length === 0}
      emptyMessage={t('health.detail.empty')}
    >
      {(data) => (
        <>
          <div className="filters">
            <button type="button" className="button" onClick={onClose}>
              {t('health.detail.close')}
            </button>
          </div>
          {!device && <p className="panel__message">{t('health.detail.notListed')}</p>}
          <DeviceHistory series={data} name={name} />
        </>
      )}
    </QueryPanel>
  );
}

const iso = (h: DeviceHour) => new Date(h.t).toISOString();

function DeviceHistory({ series, name }: { series: DeviceSeries; name: string }) {
  const theme = useTheme();
  const t = useT();
  const hours = useMemo(() => deviceHours(series), [series]);
  const option = useMemo(() => deviceSeriesOption(series, FORECAST_COLOURS[theme], t), [series, theme, t]);
  return (
    <>
      <h3 className="panel__subtitle">{t('health.detail.last', { hours: HOURS })}</h3>
      <ChartFigure<DeviceHour>
        title={t('health.detail.chartTitle', { name })}
        option={option}
        summary={deviceSeriesSummary(series, name, t)}
        columns={[
          { header: t('health.csv.hour'), value: iso },
          { header: t('health.chart.exams'), value: (h) => h.exams },
          { header: t('health.chart.data'), value: (h) => Math.round(h.dataSentMB * 10) / 10 },
          { header: t('health.csv.protectedMinutes'), value: (h) => h.protectedMinutes },
          { header: t('health.csv.fallbackMinutes'), value: (h) => h.fallbackMinutes },
        ]}
        rows={hours}
        fileName={`health-device-${series.deviceId}.csv`}
      />
    </>
  );
}
