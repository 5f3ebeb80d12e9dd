import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';
import { errorCode } from '../apollo/errors';
import { ErrorMessage } from '../ui/ErrorMessage';
import { NotFound } from './NotFound';

/**
 * What a route shows when its data cannot be read: a record that does not exist (or is not the
 * viewer's to see) reads as "not found"; anything else as its translated error with a retry.
 */
export function RouteError() {
  const error = useRouteError();
  const navigate = useNavigate();
  if ((isRouteErrorResponse(error) && error.status === 404) || errorCode(error) === 'NOT_FOUND')
    return <NotFound />;
  return <ErrorMessage error={error} onRetry={() => navigate('.', { replace: true })} />;
}
