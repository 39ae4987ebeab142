import { useEffect, useState } from 'react';
import type { Scene } from '../../api/schemas/story';
import { useUrlSearch } from '../../hooks/url-state';
import { useT } from '../../i18n/use-t';
import { HandoutPage } from './handout-page';
import { useMapStill } from './map-still';

interface HandoutProps {
  territory: string;
  scenes: readonly Scene[];
  /** The scene the map shows now, from 1. */
  number: number;
  goTo: (number: number) => void;
  synthetic: boolean;
  notice: string | undefined;
}

/**
 * The printed handout (`?mode=presentation&handout=1`): the map is taken through every scene in
 * turn and pictured once settled; then each scene is one A4 landscape page, for the browser's print.
 */
export function Handout({ territory, scenes, number, goTo, synthetic, notice }: HandoutProps) {
  const t = useT();
  const search = useUrlSearch();
  const [pictures, setPictures] = useState<readonly (string | null)[]>([]);
  const next = pictures.length < scenes.length ? pictures.length + 1 : null;
  const shown = next !== null && number === next && new URLSearchParams(search).has('at');

  useEffect(() => {
    if (next !== null && number !== next) goTo(next);
  }, [next, number, goTo]);

  const still = useMapStill(shown ? search : null);
  if (shown && still?.key === search) setPictures([...pictures, still.url]);

  const ready = next === null;
  return (
    <div className={`handout${ready ? ' handout--ready' : ''}`}>
      <div className="handout__intro">
        <h1>{t('presentation.handoutTitle', { territory })}</h1>
        <p role="status">
          {ready
            ? t('presentation.handoutReady', { total: scenes.length })
            : t('presentation.handoutPreparing', { number: next, total: scenes.length })}
        </p>
      </div>
      {/* Laid out while the pictures are taken, so the figures are in when they are done. */}
      <div className="handout__pages" hidden={!ready}>
        {scenes.map((scene, i) => (
          <HandoutPage
            key={scene.id}
            scene={scene}
            number={i + 1}
            total={scenes.length}
            synthetic={synthetic}
            notice={notice}
            picture={pictures[i] ?? null}
          />
        ))}
      </div>
    </div>
  );
}
