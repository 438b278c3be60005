// The heading of an official document as Decree 30/2020/NĐ-CP lays it out: the issuing body on
// the left (its parent above it, the number below), the national motto on the right (the place
// and date below). Shown when printing; `screen` shows it on screen too (a print view).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { t } from '../i18n';

/** Today's letterhead: GET /api/v1/province where the server has it, else the words of i18n. */
type Bodies = { name?: string; parent_body?: string | null; issuing_body?: string | null };
let bodies: Promise<Bodies> | null = null;
function useBodies(): Bodies {
  const [b, setB] = useState<Bodies>({});
  useEffect(() => {
    let live = true;
    bodies ??= api<Bodies>('/province').catch(() => ({}));
    bodies.then((x) => live && setB(x));
    return () => {
      live = false;
    };
  }, []);
  return b;
}

type Props = { number?: string; date?: string; kind?: string; title?: string; screen?: boolean };

/** "Bắc Kạn, ngày 05 tháng 03 năm 2025" from an ISO day. */
function placeAndDate(iso: string, place: string) {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return t('print.placeDate', { d, m, y, place });
}

export function OfficialHeader({ number, date, kind, title, screen }: Props) {
  const b = useBodies();
  return (
    <div class={`official${screen ? '' : ' print-only'}`} data-testid="official-header">
      <div class="doc-header">
        <div class="doc-issuer">
          <p class="doc-parent">{b.parent_body || t('print.parent')}</p>
          <p class="doc-body">{b.issuing_body || t('print.issuer')}</p>
          {number && <p class="doc-number">{t('print.number', { number })}</p>}
        </div>
        <div class="doc-motto">
          <p class="doc-nation">{t('print.nation')}</p>
          <p class="doc-motto-line">{t('print.motto')}</p>
          {date && <p class="doc-date">{placeAndDate(date, b.name || t('print.place'))}</p>}
        </div>
      </div>
      {kind && <p class="doc-kind">{kind}</p>}
      {title && <p class="doc-title">{title}</p>}
    </div>
  );
}

/** The signature block at the end of a printed document. */
export function Signature({ role }: { role: string }) {
  return (
    <div class="doc-sign print-only">
      <p class="doc-sign-role">{role}</p>
      <p class="doc-sign-note">{t('print.signNote')}</p>
    </div>
  );
}
