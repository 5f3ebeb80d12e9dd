import { errorCode } from '../../../apollo/errors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { type ConflictField, VersionConflict } from '../../../ui/VersionConflict';
import { fieldErrors } from './fieldErrors';

interface MutationErrorProps {
  error: unknown;
  /** Fields the form shows its own messages for; an error about one of them is not repeated here. */
  fields: readonly string[];
  /** For writes at a version: what changed on both sides, and how to save the rep's change again. */
  conflict?: { fields: ConflictField[]; onReload: () => void; onReapply: () => void };
}

/** What went wrong with a save, except what is already shown next to a field. */
export function MutationError({ error, fields, conflict }: MutationErrorProps) {
  if (!error) return null;
  const code = errorCode(error);
  if (code === 'VERSION_CONFLICT' && conflict) return <VersionConflict {...conflict} />;
  const byField = Object.entries(fieldErrors(error));
  if (code === 'BAD_USER_INPUT' && byField.length > 0) {
    const elsewhere = byField.filter(([field]) => !fields.includes(field));
    if (elsewhere.length === 0) return null;
    return (
      <div className="error-message" role="alert">
        {elsewhere.map(([field, message]) => (
          <p key={field}>{message}</p>
        ))}
      </div>
    );
  }
  return <ErrorMessage error={error} />;
}
