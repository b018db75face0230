import { useId, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useToUiError, type UiError } from '../../../errors/error-messages';
import { LOCALE_NAMES, type Locale } from '../../../i18n/locales';
import { createAppIntl, translator, useT } from '../../../i18n/translator';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LocaleSelect } from '../../../ui/LocaleSelect';
import { UpdateAccountDocument } from '../graphql/security.graphql';
import { ReauthCancelled, useWithReauth } from '../reauth/ReauthProvider';

/**
 * The account's language, stored by the API (`updateAccount`): the language of this site once
 * signed in and of the account's SMS. The page turns to it as soon as the API has saved it.
 */
export function LanguageSetting({ locale, onMessage }: { locale: Locale; onMessage: (message: string) => void }) {
  const t = useT();
  const toUiError = useToUiError();
  const id = useId();
  const [error, setError] = useState<UiError | null>(null);
  const withReauth = useWithReauth();
  const [updateAccount, updating] = useMutation(UpdateAccountDocument);

  const choose = async (next: Locale) => {
    setError(null);
    try {
      await withReauth(() => updateAccount({ variables: { input: { locale: next } } }));
      // Said in the language just chosen, which the page is turning to.
      onMessage(translator(createAppIntl(next))('language.saved', { language: LOCALE_NAMES[next] }));
    } catch (err) {
      if (!(err instanceof ReauthCancelled)) setError(toUiError(err));
    }
  };

  return (
    <div className="card">
      <div className="field">
        <label htmlFor={id}>{t('language.label')}</label>
        <p className="field__hint" id={`${id}-hint`}>
          {t('language.hint')}
        </p>
        <LocaleSelect id={id} describedBy={`${id}-hint`} value={locale} disabled={updating.loading} onChange={(next) => void choose(next)} />
      </div>
      <ErrorAlert error={error} />
    </div>
  );
}
