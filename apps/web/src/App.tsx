import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { errorCode } from './apollo/errors';
import { ViewerDocument } from './apollo/generated';
import { ErrorMessage } from './components/ErrorMessage';
import { Header } from './components/Header';
import { Loading } from './components/Loading';
import { HomeRoute } from './routes/HomeRoute';
import { LoginRoute } from './routes/LoginRoute';

/** The shell: who is signed in decides between the login form and the app. */
export function App() {
  const { data, loading, error, refetch } = useQuery(ViewerDocument);
  const me = data?.me ?? null;

  let page: ReactNode;
  if (loading) page = <Loading />;
  else if (me) page = <HomeRoute />;
  else if (error && errorCode(error) !== 'UNAUTHENTICATED') {
    // Whether a session exists is unknown: say why, and offer both a retry and the login form.
    page = (
      <>
        <ErrorMessage error={error} onRetry={() => refetch().catch(() => undefined)} />
        <LoginRoute />
      </>
    );
  } else page = <LoginRoute />;

  return (
    <div className="shell">
      <Header me={me} />
      <main className="shell__main">{page}</main>
    </div>
  );
}
