import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface FormDialogProps {
  title: string;
  submitting: boolean;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A form opened in place of the button that asked for it: focus moves to its first field, Escape or
 * Cancel closes it and gives focus back to where the rep was, Enter submits.
 */
export function FormDialog({ title, submitting, onSubmit, onClose, children }: FormDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const opener = document.activeElement;
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }

  function closeOnEscape(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  }

  return (
    <div role="dialog" aria-labelledby={titleId} className="form-dialog" onKeyDown={closeOnEscape}>
      <h3 id={titleId}>{title}</h3>
      <form ref={form} onSubmit={submit} noValidate>
        {children}
        <div className="form-dialog__actions">
          <button type="submit" className="button" disabled={submitting}>
            {t(submitting ? 'dossierForm.saving' : 'dossierForm.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('dossierForm.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
