// One's own e-mail notifications, a section of the account page (#notifications, where every
// e-mail's footer leads): the address they go to, their language, and for each kind of
// notification the role receives: at once, in the daily summary, or no e-mail. The weekly
// digest is on or off. The in-app notifications are kept whatever is chosen.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { Delivery, MailLanguage, NotificationKindChoice, NotificationSettings, NotificationSettingsInput } from '../api/types';
import { DELIVERIES, MAIL_LANGUAGES } from '../api/types';
import { lang, label, t } from '../i18n';
import { Async } from './Async';
import { FormError, RadioGroup } from './Field';
import { notify } from './Notices';
import { useFetch } from './useFetch';

const WEEKLY = 'weekly_digest';

/** The choices a kind offers: the weekly digest is sent or not, the others also gathered daily. */
const choicesOf = (kind: string): Delivery[] => (kind === WEEKLY ? ['immediate', 'off'] : [...DELIVERIES]);
const choiceLabel = (kind: string, d: Delivery) => (kind === WEEKLY && d === 'immediate' ? t('delivery.weekly') : label('delivery', d));
const kindLabel = (k: NotificationKindChoice) => (lang() === 'en' ? k.label_en : k.label_vi);

/** email: the account's address as the profile form above last saved it. */
export function MailSettings({ email }: { email: string | null }) {
  const settings = useFetch((signal) => api<NotificationSettings>('/me/notification-settings', { signal }), []);
  // Opened from an e-mail's link (/account#notifications): once the section is drawn, go to it.
  useEffect(() => {
    if (!settings.data) return;
    const go = () => {
      if (window.location.hash !== '#notifications') return;
      document.getElementById('notifications')?.scrollIntoView();
      document.getElementById('notifications-h')?.focus({ preventScroll: true });
    };
    go();
    window.addEventListener('hashchange', go);
    return () => window.removeEventListener('hashchange', go);
  }, [!!settings.data]);
  return (
    <section class="panel" aria-labelledby="notifications-h" id="notifications">
      <h2 id="notifications-h" tabIndex={-1}>
        {t('account.notifications')}
      </h2>
      <Async state={settings} isEmpty={() => false}>
        {(s) =>
          s.kinds.length === 0 ? (
            <p class="state state-empty">{t('account.notifications.none')}</p>
          ) : (
            <>
              <p class="meta">{t('account.notifications.lead')}</p>
              <MailTo email={email} />
              <Form initial={s} />
            </>
          )
        }
      </Async>
    </section>
  );
}

/** Where e-mails go, or that none is set and where to set it (the profile form above). */
function MailTo({ email }: { email: string | null }) {
  return (
    <div class="mail-to" data-testid="mail-to">
      {email ? (
        <p>
          {t('account.notifications.to')}: <strong class="mono-wrap">{email}</strong>
        </p>
      ) : (
        <p class="notice-inline">
          {t('account.notifications.noEmail')}{' '}
          <a
            href="#profile"
            onClick={(e) => {
              e.preventDefault();
              const input = document.getElementById('me-email') as HTMLInputElement | null;
              input?.scrollIntoView({ block: 'center' });
              input?.focus({ preventScroll: true });
            }}
          >
            {t('account.notifications.setEmail')}
          </a>
          .
        </p>
      )}
    </div>
  );
}

function Form({ initial }: { initial: NotificationSettings }) {
  const [saved, setSaved] = useState(initial);
  const [language, setLanguage] = useState<MailLanguage>(initial.language);
  const [kinds, setKinds] = useState<Record<string, Delivery>>(() => Object.fromEntries(initial.kinds.map((k) => [k.kind, k.delivery])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const take = (s: NotificationSettings) => {
    setSaved(s);
    setLanguage(s.language);
    setKinds(Object.fromEntries(s.kinds.map((k) => [k.kind, k.delivery])));
  };
  useEffect(() => take(initial), [initial]);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    setError('');
    // Only what changed: another session's choice for another kind is left as it is.
    const json: NotificationSettingsInput = {};
    if (language !== saved.language) json.language = language;
    const changed = saved.kinds.filter((k) => kinds[k.kind] !== k.delivery);
    if (changed.length) json.kinds = Object.fromEntries(changed.map((k) => [k.kind, kinds[k.kind]]));
    try {
      take(await api<NotificationSettings>('/me/notification-settings', { method: 'PUT', json }));
      notify(t('account.notifications.saved'));
    } catch (x) {
      if (!(x instanceof ApiError)) throw x;
      setErrors(x.fieldErrors());
      setError(x.errors.length ? t('common.fixErrors') : x.summary);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form mail-settings" onSubmit={submit} noValidate>
      <p class="hint">{t('account.notifications.inApp')}</p>
      <FormError message={error} />
      <RadioGroup id="mail-language" legend={t('account.notifications.language')} inline value={language} onValue={(v) => setLanguage(v as MailLanguage)} error={errors.language} options={MAIL_LANGUAGES.map((l) => ({ value: l, label: label('mailLang', l) }))} />
      <h3 class="mail-kinds-h">{t('account.notifications.kinds')}</h3>
      <div class="mail-kinds">
        {saved.kinds.map((k) => (
          <RadioGroup
            key={k.kind}
            id={`mail-kind-${k.kind}`}
            class="mail-kind"
            legend={kindLabel(k)}
            inline
            value={kinds[k.kind]}
            onValue={(v) => setKinds({ ...kinds, [k.kind]: v as Delivery })}
            error={errors[`kinds.${k.kind}`]}
            options={choicesOf(k.kind).map((d) => ({ value: d, label: choiceLabel(k.kind, d) }))}
          />
        ))}
      </div>
      {errors.kinds && (
        <p class="field-error" role="alert">
          {errors.kinds}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
