import { useState } from 'react';
import { fieldErrors } from './fieldErrors';

/**
 * Runs a form's mutation and keeps its failure: the field messages for `Field`, the whole error for
 * `MutationError`. `onDone` runs only on success, so a refused form stays open with what was typed.
 */
export function useSubmit(onDone: () => void) {
  const [error, setError] = useState<unknown>(null);
  function submit(save: () => Promise<unknown>) {
    setError(null);
    save().then(onDone, setError);
  }
  return { submit, error, fieldError: (field: string) => fieldErrors(error)[field] };
}
