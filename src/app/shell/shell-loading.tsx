import { useT } from '../../i18n/use-t';

/** Shown while the first view's code loads. */
export function ShellLoading() {
  const t = useT();
  return (
    <p className="panel__message" aria-busy="true">
      {t('shell.loading')}
    </p>
  );
}
