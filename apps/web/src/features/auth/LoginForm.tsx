import { useMutation } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginDocument } from '../../apollo/generated';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useRestartSession } from './useRestartSession';

export function LoginForm() {
  const { t } = useTranslation();
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const restartSession = useRestartSession();
  // The route's loaders ran before there was a session: they run again for the page asked for.
  const [login, { loading, error }] = useMutation(LoginDocument, { onCompleted: restartSession });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // A failure lands in `error` and is shown below; the rejected promise carries nothing more.
    login({ variables: { email: email.trim(), password } }).catch(() => undefined);
  }

  return (
    <form className="form" onSubmit={submit}>
      <label htmlFor={`${id}-email`}>{t('login.email')}</label>
      <input
        id={`${id}-email`}
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <label htmlFor={`${id}-password`}>{t('login.password')}</label>
      <input
        id={`${id}-password`}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {error && <ErrorMessage error={error} messages={{ UNAUTHENTICATED: 'login.wrongCredentials' }} />}
      <button type="submit" className="button" disabled={loading}>
        {t(loading ? 'login.submitting' : 'login.submit')}
      </button>
    </form>
  );
}
