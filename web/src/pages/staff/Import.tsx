// Importing cooperatives from CSV or XLSX: a dry run lists the bad rows, then the real run.
import { useState } from 'preact/hooks';
import { api, ApiError } from '../../api/client';
import type { ImportResult } from '../../api/types';
import { FormError } from '../../components/Field';
import { Link } from '../../components/Link';
import { notify } from '../../components/Notices';
import { usePageTitle } from '../../components/usePageTitle';
import { formatNumber } from '../../format';
import { t } from '../../i18n';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = 'Loại hình | Tên hợp tác xã | Mã số hợp tác xã | Xã/phường (mã) | Xã/phường tại ngày | Địa chỉ trụ sở | Ngành, lĩnh vực | Ngày thành lập | Vốn điều lệ (đồng) | Tình trạng | Người đại diện | Chức danh người đại diện | Điện thoại người đại diện | Thư điện tử người đại diện';

export default function Import() {
  usePageTitle(t('import.title'));
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    if (!file) return setError(t('import.chooseFile'));
    setBusy(true);
    setError('');
    const type = /\.xlsx$/i.test(file.name) || file.type === XLSX ? XLSX : 'text/csv';
    try {
      const r = await api<ImportResult>('/cooperatives/import', { method: 'POST', query: { dry_run: dryRun ? 1 : undefined }, body: file, contentType: type });
      setResult(r);
      if (!dryRun) {
        notify(t('import.done', { n: r.created }));
        setFile(null);
      }
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const body = e.body as Partial<ImportResult> | null;
      if (body && Array.isArray(body.errors) && 'rows' in body) setResult(body as ImportResult);
      else {
        setResult(null);
        setError(e.errors.length ? `${e.title}: ${e.errors.map((x) => `${x.field}: ${x.message}`).join('; ')}` : e.summary);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section>
      <p class="crumbs">
        <Link href="/register">{t('register.title')}</Link>
      </p>
      <h1>{t('import.title')}</h1>
      <p>{t('import.lead')}</p>
      <p>
        <code class="header-line">{HEADER}</code>
      </p>
      <p>{t('import.formats')}</p>
      <p>
        <a class="btn" href="/api/v1/cooperatives/import/template" download data-testid="import-template">
          {t('import.template')}
        </a>
      </p>
      <form class="form" onSubmit={(e) => (e.preventDefault(), send(true))} noValidate>
        <FormError message={error} />
        <div class="field">
          <label for="import-file">{t('import.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.xlsx,text/csv"
            onChange={(e) => {
              setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null);
              setResult(null);
            }}
          />
        </div>
        <div class="actions">
          <button type="submit" class="btn btn-primary" disabled={busy || !file}>
            {busy ? t('common.loading') : t('import.check')}
          </button>
          {result?.dry_run && result.errors.length === 0 && result.rows > 0 && (
            <button type="button" class="btn btn-primary" disabled={busy} onClick={() => send(false)}>
              {t('import.run', { n: result.rows })}
            </button>
          )}
        </div>
      </form>
      {result && (
        <section aria-labelledby="result-h" class="panel" data-testid="import-result" role="status">
          <h2 id="result-h">
            {!result.dry_run && result.created > 0 ? t('import.done', { n: result.created }) : result.errors.length ? t('import.bad', { n: result.errors.length }) : t('import.ok')}
          </h2>
          <p>{t('import.rows', { n: formatNumber(result.rows) })}</p>
          {result.errors.length > 0 && (
            <div class="table-wrap" tabIndex={0} role="region" aria-label={t('import.bad', { n: result.errors.length })}>
              <table data-testid="import-errors">
                <thead>
                  <tr>
                    <th scope="col">{t('import.line')}</th>
                    <th scope="col">{t('import.field')}</th>
                    <th scope="col">{t('import.message')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.errors.map((e, i) => (
                    <tr key={i}>
                      <td class="num">{e.line}</td>
                      <td>
                        {e.column ?? ''} <code>{e.field}</code>
                      </td>
                      <td>{e.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </section>
  );
}
