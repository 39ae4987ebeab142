import type { ReactNode } from 'react';
import type { Scene } from '../../api/schemas/story';
import { useT } from '../../i18n/use-t';
import { SceneFigures } from './scene-figures';

interface SceneCardProps {
  scenes: readonly Scene[];
  /** The scene shown, from 1. */
  number: number;
  synthetic: boolean;
  /** The territory's data notice (its provenance and credit). */
  notice: string | undefined;
  /** Said instead of the scene while the story loads, or when it failed or is empty. */
  status: ReactNode;
}

/** The scene over the map: where it stands in the story, its title, caption and key figures. */
export function SceneCard({ scenes, number, synthetic, notice, status }: SceneCardProps) {
  const t = useT();
  const scene = status ? undefined : scenes[number - 1];
  return (
    <div className="presentation-card">
      <section className="presentation-caption" aria-label={t('presentation.region')} aria-live="polite">
        {scene ? (
          <>
            <div className="presentation-caption__where">
              {synthetic && (
                <p className="presentation-mark" role="note">
                  {t('presentation.synthetic')}
                </p>
              )}
              <ol className="presentation-dots" aria-label={t('presentation.scenes')}>
                {scenes.map((s, i) => (
                  <li key={s.id} aria-current={i + 1 === number ? 'step' : undefined}>
                    <span className="visually-hidden">{s.title}</span>
                  </li>
                ))}
              </ol>
              <p className="presentation-caption__position">
                {t('presentation.position', { number, total: scenes.length })}
              </p>
            </div>
            <h2 className="presentation-caption__title">{scene.title}</h2>
            <p className="presentation-caption__text">{scene.caption}</p>
          </>
        ) : (
          status
        )}
      </section>
      {/* Outside the live region: a figure that changes with a refresh is not announced each time. */}
      {scene && <SceneFigures figures={scene.figures} />}
      {notice && <p className="presentation-card__notice">{notice}</p>}
    </div>
  );
}
