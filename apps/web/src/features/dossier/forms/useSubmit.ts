import { useApolloClient } from '@apollo/client/react';
import { useState } from 'react';
import { isVersionConflict } from '../../../ui/VersionConflict';
import { fieldErrors } from './fieldErrors';

/**
 * Runs a form's mutation and keeps its failure: the field messages for `Field`, the whole error for
 * `MutationError`. `onDone` runs only on success, so a refused form stays open with what was typed.
 * On a VERSION_CONFLICT the screen's queries are read again first, so the conflict notice can show
 * what is saved now beside the rep's values, and a reapply goes out at the new version.
 */
export function useSubmit(onDone: () => void) {
  const client = useApolloClient();
  const [error, setError] = useState<unknown>(null);

  function submit(save: () => Promise<unknown>) {
    setError(null);
    save().then(onDone, async (failure: unknown) => {
      if (isVersionConflict(failure))
        await client.refetchQueries({ include: 'active' }).catch(() => undefined);
      setError(failure);
    });
  }

  return {
    submit,
    error,
    fieldError: (field: string) => fieldErrors(error)[field],
    dismiss: () => setError(null),
  };
}
