// A petition's attachments: links to download them, and uploading new ones (raw body).
import { api, ApiError } from '../api/client';
import type { Petition } from '../api/types';
import { formatNumber } from '../format';
import { t } from '../i18n';

const TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
};
export const ACCEPT = Object.keys(TYPES).map((e) => `.${e}`).join(',');

/** Uploads one file to a petition; the error message when it fails. */
export async function uploadAttachment(petitionId: number, file: File): Promise<string | null> {
  return (await uploadFile(petitionId, file)).error ?? null;
}

/** Uploads one file; the attachment's id, or the error to show. */
export async function uploadFile(petitionId: number, file: File): Promise<{ id?: number; error?: string }> {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  const type = file.type && Object.values(TYPES).includes(file.type) ? file.type : TYPES[ext] ?? file.type ?? 'application/octet-stream';
  const name = file.name.replace(/[/\\]/g, '_');
  try {
    const a = await api<{ id: number }>(`/petitions/${petitionId}/attachments`, { method: 'POST', query: { filename: name }, body: file, contentType: type });
    return { id: a.id };
  } catch (e) {
    return { error: e instanceof ApiError ? e.errors[0]?.message ?? e.summary : String(e) };
  }
}

export function AttachmentList({ petition }: { petition: Petition }) {
  if (!petition.attachments.length) return <p class="hint">{t('petition.noAttachment')}</p>;
  return (
    <ul class="files">
      {petition.attachments.map((a) => (
        <li key={a.id}>
          <a href={`/api/v1/petitions/${petition.id}/attachments/${a.id}`} download={a.filename}>
            {a.filename}
          </a>{' '}
          <span class="meta">
            ({formatNumber(Math.ceil(a.size / 1024))} KB{a.reply_letter && <> · {t('petition.replyLetter')}</>})
          </span>
        </li>
      ))}
    </ul>
  );
}
