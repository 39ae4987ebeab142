import { useEffect, useState } from 'react';
import type { MessageKey } from '../../i18n/catalogue';
import type { Translate } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { formatDateTime, formatTime } from '../../lib/format';
import { describeError } from '../ui/error-text';
import {
  describeOffset,
  PLAY_FRAME_MS,
  TIME_RANGE_MIN,
  TIME_STEP_MIN,
  timeMode,
  type TimeMode,
} from './map-time';
import type { MapSnapshot } from './use-map-snapshot';

/** Playing moves an hour at a time, each frame shown at least PLAY_FRAME_MS once its data is in. */
const HOUR_MIN = 60;
export const MODE_NAME: Record<TimeMode, MessageKey> = {
  live: 'map.mode.live',
  past: 'map.mode.past',
  forecast: 'map.mode.forecast',
};

interface MapTimelineProps {
  offset: number;
  onOffset: (minutes: number) => void;
  snapshot: MapSnapshot;
}

/** What the map shows, in words: the time of the data drawn and whether it was observed or predicted. */
export function describeSnapshot(offset: number, snapshot: MapSnapshot, t: Translate): string {
  if (offset === 0) return t('map.snapshot.latest');
  const forecast = snapshot.mode === 'forecast';
  if (!snapshot.readings)
    return t(forecast ? 'map.snapshot.loadingForecast' : 'map.snapshot.loadingPast', {
      time: formatTime(snapshot.atMs),
    });
  const shown = Date.parse(snapshot.readings.generatedAt);
  const when = t(forecast ? 'map.snapshot.forecastFor' : 'map.snapshot.observedAt', {
    time: formatDateTime(shown),
  });
  return shown === snapshot.atMs
    ? `${when} (${describeOffset(offset)})`
    : t('map.snapshot.loadingNext', { when, time: formatTime(snapshot.atMs) });
}

/**
 * The map in time, −24 h to +24 h: a slider operable from the keyboard (arrows 15 min, Page Up/Down
 * an hour, Home/End the ends), play/pause, and a way back to live.
 */
export function MapTimeline({ offset, onOffset, snapshot }: MapTimelineProps) {
  const [playing, setPlaying] = useState(false);
  const t = useT();
  const loading = snapshot.isPending || snapshot.isFetching;
  const move = (minutes: number) => {
    if (minutes !== offset) onOffset(minutes);
  };

  useEffect(() => {
    if (!playing || loading || offset >= TIME_RANGE_MIN) return;
    const timer = setTimeout(() => {
      const next = Math.min(TIME_RANGE_MIN, offset + HOUR_MIN);
      onOffset(next);
      if (next >= TIME_RANGE_MIN) setPlaying(false);
    }, PLAY_FRAME_MS);
    return () => clearTimeout(timer);
  }, [playing, loading, offset, onOffset]);

  const togglePlay = () => {
    if (!playing && offset >= TIME_RANGE_MIN) move(-TIME_RANGE_MIN);
    setPlaying(!playing);
  };
  const mode = timeMode(offset);
  const valueText =
    offset === 0
      ? t('map.time.nowLive')
      : `${describeOffset(offset)}, ${t(MODE_NAME[mode]).toLocaleLowerCase()}`;

  return (
    <div className={`map-timeline map-timeline--${mode}`}>
      <button type="button" className="button" onClick={togglePlay}>
        {playing ? t('map.time.pause') : t('map.time.play')}
      </button>
      <label className="map-timeline__slider">
        <span className="map-timeline__label">{t('map.time.label')}</span>
        <input
          type="range"
          min={-TIME_RANGE_MIN}
          max={TIME_RANGE_MIN}
          step={TIME_STEP_MIN}
          value={offset}
          aria-valuetext={valueText}
          list="map-timeline-ticks"
          onChange={(e) => {
            setPlaying(false);
            move(Number(e.target.value));
          }}
          onKeyDown={(e) => {
            if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
            e.preventDefault();
            setPlaying(false);
            const next = offset + (e.key === 'PageUp' ? HOUR_MIN : -HOUR_MIN);
            move(Math.max(-TIME_RANGE_MIN, Math.min(TIME_RANGE_MIN, next)));
          }}
        />
        <datalist id="map-timeline-ticks">
          {[-24, -12, 0, 12, 24].map((h) => (
            <option key={h} value={h * HOUR_MIN} />
          ))}
        </datalist>
        <span className="map-timeline__ends" aria-hidden="true">
          <span>−24 h</span>
          <span>{t('map.time.now')}</span>
          <span>+24 h</span>
        </span>
      </label>
      <button
        type="button"
        className="button"
        onClick={() => {
          setPlaying(false);
          move(0);
        }}
        disabled={offset === 0}
      >
        {t('map.time.backToLive')}
      </button>
      <p className="map-timeline__status" role="status">
        <strong>{t(MODE_NAME[mode])}</strong> {describeSnapshot(offset, snapshot, t)}
        {snapshot.error && ` — ${t('map.time.notLoaded', { error: describeError(snapshot.error) })}`}
      </p>
    </div>
  );
}
