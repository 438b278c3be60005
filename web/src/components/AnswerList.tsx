// The answers given to a petition.
import type { PublicPetition } from '../api/types';
import { formatDate } from '../format';
import { t } from '../i18n';
import { Empty } from './Async';

export function AnswerList({ answers }: { answers: PublicPetition['answers'] }) {
  if (!answers.length) return <Empty message={t('petition.noAnswer')} />;
  return (
    <ol class="answers" data-testid="answer-list">
      {answers.map((a, i) => (
        <li key={i} class="answer">
          <p class="meta">
            {t('answers.answeredBy', { agency: a.agency.name, date: formatDate(a.answered_on) })}
            {a.at_conference && <> · {t('answers.atConference')}</>}
          </p>
          <p class="pre">{a.text}</p>
          {a.legal_basis && <p class="meta">{t('answers.legal', { text: a.legal_basis })}</p>}
          {a.letter && (
            <p class="meta letter" data-testid="reply-letter">
              {t('answers.letter', { number: a.letter.number, date: formatDate(a.letter.date), name: a.letter.signer_name, title: a.letter.signer_title })}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
