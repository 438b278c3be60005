// Sets the document title for the page being shown.
import { useEffect } from 'preact/hooks';
import { t } from '../i18n';
import { provinceName } from '../province';

export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    const province = provinceName();
    document.title = title ? `${title} · hoptac` : `hoptac — ${province ? t('app.tagline', { province }) : t('app.taglineNoName')}`;
  }, [title]);
}
