import { useId } from 'react';
import type { Scene } from '../../api/schemas/story';
import { describeOffset } from '../../components/map/map-time';
import { useT } from '../../i18n/use-t';
import { SceneFigures } from './scene-figures';
import './handout.css';

interface HandoutPageProps {
  scene: Scene;
  number: number;
  total: number;
  synthetic: boolean;
  notice: string | undefined;
  /** The map as the scene shows it (a data URL), or null when no picture could be taken. */
  picture: string | null;
}

/** One scene on one printed A4 landscape page: the map's picture, the title, caption and figures. */
export function HandoutPage({ scene, number, total, synthetic, notice, picture }: HandoutPageProps) {
  const t = useT();
  const titleId = useId();
  return (
    <article className="handout-page" aria-labelledby={titleId}>
      <div className="handout-page__head">
        <p className="handout-page__position">
          {t('presentation.position', { number, total })}
          {synthetic && ` · ${t('presentation.synthetic')}`}
        </p>
        <h2 id={titleId} className="handout-page__title">
          {scene.title}
        </h2>
        <p className="handout-page__caption">{scene.caption}</p>
      </div>
      <div className="handout-page__picture">
        {picture ? (
          <img src={picture} alt={t('presentation.mapPicture', { title: scene.title })} />
        ) : (
          <p>{t('presentation.noPicture')}</p>
        )}
        {/* The map's own time badge is drawn over it, not in its picture. */}
        {scene.timeOffsetMinutes !== 0 && (
          <p className="handout-page__map-time">
            {t(scene.timeOffsetMinutes > 0 ? 'presentation.mapForecast' : 'presentation.mapPast', {
              offset: describeOffset(scene.timeOffsetMinutes),
            })}
          </p>
        )}
      </div>
      <div className="handout-page__figures">
        <SceneFigures figures={scene.figures} />
      </div>
      {notice && <p className="handout-page__notice">{notice}</p>}
    </article>
  );
}
