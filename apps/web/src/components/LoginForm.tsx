import { gql, type TypedDocumentNode } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import type { StaffRole } from '../apollo/schema-types';
import { restartSession } from '../apollo/session';
import { useT } from '../i18n';
import { ErrorMessage } from './ErrorMessage';

interface LoginData {
  login: { staff: { id: string; name: string; role: StaffRole } };
}

// `token` is left out on purpose: the server also sets it as an httpOnly cookie, and a copy in the
// Apollo cache would hand it to any script on the page.
export const LOGIN_MUTATION: TypedDocumentNode<LoginData, { email: string; password: string }> = gql`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      staff {
        id
        name
        role
      }
    }
  }
`;

export function LoginForm() {
  const t = useT();
  const id = useId();
  const client = useApolloClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [login, { loading, error }] = useMutation(LOGIN_MUTATION, {
    onCompleted: () => restartSession(client),
  });

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
