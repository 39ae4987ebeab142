import { useId, useMemo, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { formatTarget, type Target } from '../../lib/selection';

export interface SearchEntry extends Target {
  name: string;
  position: readonly [number, number];
  /** Shown beside the name, e.g. "Municipality" or "Air station", in the language on screen. */
  description: string;
}

const MAX_RESULTS = 8;

/** Finds a municipality, site or sensor by name; picking one flies the map there and selects it. */
export function MapSearch({
  entries,
  onPick,
}: {
  entries: readonly SearchEntry[];
  onPick: (entry: SearchEntry) => void;
}) {
  const [text, setText] = useState('');
  const t = useT();
  const inputId = useId();
  const resultsId = useId();
  const results = useMemo(() => {
    const needle = text.trim().toLocaleLowerCase();
    if (needle.length < 2) return [];
    const starts: SearchEntry[] = [];
    const contains: SearchEntry[] = [];
    for (const entry of entries) {
      const name = entry.name.toLocaleLowerCase();
      if (name.startsWith(needle)) starts.push(entry);
      else if (name.includes(needle)) contains.push(entry);
      if (starts.length >= MAX_RESULTS) break;
    }
    return [...starts, ...contains].slice(0, MAX_RESULTS);
  }, [entries, text]);

  return (
    <div className="map-search" role="search">
      <label htmlFor={inputId}>{t('map.search.label')}</label>
      <input
        id={inputId}
        type="search"
        value={text}
        placeholder={t('map.search.placeholder')}
        aria-controls={resultsId}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && results[0]) {
            onPick(results[0]);
            setText('');
          }
        }}
      />
      <ul
        id={resultsId}
        className="map-search__results"
        aria-label={t('map.search.results')}
        hidden={results.length === 0}
      >
        {results.map((entry) => (
          <li key={formatTarget(entry)}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                onPick(entry);
                setText('');
              }}
            >
              {entry.name}
            </button>{' '}
            <span className="map-search__kind">{entry.description}</span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {text.trim().length >= 2 ? t('map.search.count', { count: results.length }) : ''}
      </p>
    </div>
  );
}
