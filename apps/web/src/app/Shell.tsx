import { type PreloadedQueryRef, type PreloadQueryFunction, useReadQuery } from '@apollo/client/react';
import { type ReactNode, Suspense } from 'react';
import { Outlet, useLoaderData, useRevalidator, useRouteLoaderData } from 'react-router';
import { errorCode } from '../apollo/errors';
import { ViewerDocument, type ViewerQuery } from '../apollo/generated';
import { LoginRoute } from '../features/auth/LoginRoute';
import { ErrorMessage } from '../ui/ErrorMessage';
import { Loading } from '../ui/Loading';
import { Header } from './Header';

/** `me` decides between the login form and the app; errors are the shell's to show, not a boundary's. */
export const shellLoader = (preloadQuery: PreloadQueryFunction) => () =>
  preloadQuery.toPromise(preloadQuery(ViewerDocument, { errorPolicy: 'all' }));

type ViewerRef = PreloadedQueryRef<ViewerQuery>;

/** The signed-in staff member, for any screen inside the shell. */
export function useViewer() {
  const queryRef = useRouteLoaderData<ViewerRef>('root');
  if (!queryRef) throw new Error('useViewer() is for routes inside the shell');
  return useReadQuery(queryRef).data?.me ?? null;
}

/**
 * The frame of every screen. Who is signed in decides between the login form and the route: the
 * login form takes the route's place at the same URL, so a deep link opens once the rep signs in.
 */
export function Shell() {
  const { data, error } = useReadQuery(useLoaderData<ViewerRef>());
  const revalidator = useRevalidator();
  const me = data?.me ?? null;

  let page: ReactNode;
  if (me)
    page = (
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    );
  else if (error && errorCode(error) !== 'UNAUTHENTICATED') {
    // Whether a session exists is unknown: say why, and offer both a retry and the login form.
    page = (
      <>
        <ErrorMessage error={error} onRetry={() => revalidator.revalidate()} />
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
