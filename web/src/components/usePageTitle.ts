// Sets the document title for the page being shown.
import { useEffect } from 'preact/hooks';
import { t } from '../i18n';

export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · hoptac` : `hoptac — ${t('app.tagline')}`;
  }, [title]);
}
