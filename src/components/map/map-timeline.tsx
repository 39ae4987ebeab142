import { useEffect, useState } from 'react';
import { formatDateTime, formatTime } from '../../lib/format';
import { describeError } from '../ui/error-text';
import { describeOffset, TIME_RANGE_MIN, TIME_STEP_MIN, timeMode } from './map-time';
import type { MapSnapshot } from './use-map-snapshot';

const HOUR_MIN = 60;
/** Playing moves an hour at a time, each frame shown at least this long once its data is in. */
const PLAY_FRAME_MS = 1500;

export const MODE_NAME = { live: 'Live', past: 'Observed', forecast: 'Forecast' } as const;

interface MapTimelineProps {
  offset: number;
  onOffset: (minutes: number) => void;
  snapshot: MapSnapshot;
}

/** What the map shows, in words: the time of the data drawn and whether it was observed or predicted. */
export function describeSnapshot(offset: number, snapshot: MapSnapshot): string {
  if (offset === 0) return 'latest readings';
  const kind = snapshot.mode === 'forecast' ? 'forecast' : 'observations';
  if (!snapshot.readings) return `loading the ${kind} for ${formatTime(snapshot.atMs)}…`;
  const shown = Date.parse(snapshot.readings.generatedAt);
  const when = `${snapshot.mode === 'forecast' ? 'for' : 'at'} ${formatDateTime(shown)}`;
  return shown === snapshot.atMs
    ? `${when} (${describeOffset(offset)})`
    : `${when}; loading ${formatTime(snapshot.atMs)}…`;
}

/**
 * The map in time, −24 h to +24 h: a slider operable from the keyboard (arrows 15 min, Page Up/Down
 * an hour, Home/End the ends), play/pause, and a way back to live.
 */
export function MapTimeline({ offset, onOffset, snapshot }: MapTimelineProps) {
  const [playing, setPlaying] = useState(false);
  const loading = snapshot.isPending || snapshot.isFetching;

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
    if (!playing && offset >= TIME_RANGE_MIN) onOffset(-TIME_RANGE_MIN);
    setPlaying(!playing);
  };
  const mode = timeMode(offset);
  const valueText =
    offset === 0 ? 'now, live' : `${describeOffset(offset)}, ${MODE_NAME[mode].toLowerCase()}`;

  return (
    <div className={`map-timeline map-timeline--${mode}`}>
      <button type="button" className="button" onClick={togglePlay} aria-pressed={playing}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <label className="map-timeline__slider">
        <span className="map-timeline__label">Map time</span>
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
            onOffset(Number(e.target.value));
          }}
          onKeyDown={(e) => {
            if (e.key !== 'PageUp' && e.key !== 'PageDown') return;
            e.preventDefault();
            setPlaying(false);
            const next = offset + (e.key === 'PageUp' ? HOUR_MIN : -HOUR_MIN);
            onOffset(Math.max(-TIME_RANGE_MIN, Math.min(TIME_RANGE_MIN, next)));
          }}
        />
        <datalist id="map-timeline-ticks">
          {[-24, -12, 0, 12, 24].map((h) => (
            <option key={h} value={h * HOUR_MIN} />
          ))}
        </datalist>
        <span className="map-timeline__ends" aria-hidden="true">
          <span>−24 h</span>
          <span>now</span>
          <span>+24 h</span>
        </span>
      </label>
      <button
        type="button"
        className="button"
        onClick={() => {
          setPlaying(false);
          onOffset(0);
        }}
        disabled={offset === 0}
      >
        Back to live
      </button>
      <p className="map-timeline__status" role="status">
        <strong>{MODE_NAME[mode]}</strong> {describeSnapshot(offset, snapshot)}
        {snapshot.error && ` — could not be loaded: ${describeError(snapshot.error)}`}
      </p>
    </div>
  );
}
