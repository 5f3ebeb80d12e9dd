import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  PublicSheetDocument,
  type PublicSheetQuery,
  SubmitCustomerSheetDocument,
} from '../../apollo/generated';
import { type PlainMessageKey, useLabel, useLanguage } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { Loading } from '../../ui/Loading';
import { useSheetFieldLabel } from './ProposalReview';
import './customer-sheet.css';
import { SheetFieldKind, sheetFieldOf } from '@dossier/domain';

/** What the customer's page says about a refusal, by the API's code; anything else is UNKNOWN. */
const PAGE_ERRORS = {
  NOT_FOUND: 'sheetPublic.NOT_FOUND',
  LINK_EXPIRED: 'sheetPublic.LINK_EXPIRED',
  LINK_USED: 'sheetPublic.LINK_USED',
  LINK_REVOKED: 'sheetPublic.LINK_REVOKED',
  TOO_MANY_ATTEMPTS: 'sheetPublic.TOO_MANY_ATTEMPTS',
  BAD_USER_INPUT: 'sheetPublic.BAD_USER_INPUT',
  UNKNOWN: 'sheetPublic.UNKNOWN',
} as const satisfies Record<string, PlainMessageKey>;
type PageError = keyof typeof PAGE_ERRORS;

function pageError(error: unknown): PageError {
  const code = CombinedGraphQLErrors.is(error) ? error.errors[0]?.extensions?.code : undefined;
  return typeof code === 'string' && Object.hasOwn(PAGE_ERRORS, code) ? (code as PageError) : 'UNKNOWN';
}

/**
 * The customer's own sheet, opened from the link a rep sent: outside the app's shell and sign-in, in the
 * browser's language (or the one chosen here). The customer corrects or confirms, and submits once.
 */
/** The input each kind of field gets: the tablet's or phone's keyboard, and a date picker for dates. */
const INPUT_TYPES: Record<SheetFieldKind, string> = {
  [SheetFieldKind.TEXT]: 'text',
  [SheetFieldKind.ENUM]: 'text',
  [SheetFieldKind.PHONE]: 'tel',
  [SheetFieldKind.WEBSITE]: 'url',
  [SheetFieldKind.DATE]: 'date',
};

export function PublicSheetRoute() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const { data, loading, error } = useQuery(PublicSheetDocument, {
    variables: { token },
    fetchPolicy: 'network-only',
  });
  return (
    <main className="public-sheet">
      <div className="public-sheet__head">
        <h1>{t('sheetPublic.title')}</h1>
        <LanguageSwitch />
      </div>
      {loading ? (
        <Loading />
      ) : error || !data ? (
        <Refusal code={pageError(error)} />
      ) : (
        <SheetForm token={token} sheet={data.sheetByToken} />
      )}
    </main>
  );
}

function Refusal({ code }: { code: PageError }) {
  const { t } = useTranslation();
  return (
    <div className="error-message" role="alert" data-code={code}>
      <p>{t(PAGE_ERRORS[code])}</p>
    </div>
  );
}

type Sheet = PublicSheetQuery['sheetByToken'];

function SheetForm({ token, sheet }: { token: string; sheet: Sheet }) {
  const { t } = useTranslation();
  const id = useId();
  const [language] = useLanguage();
  const label = useLabel();
  const fieldLabel = useSheetFieldLabel();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(sheet.fields.map((f) => [f.field, f.value ?? ''])),
  );
  const [submit, { data, loading, error }] = useMutation(SubmitCustomerSheetDocument);

  if (data?.submitCustomerSheet)
    return (
      <p role="status" className="public-sheet__done">
        {t('sheetPublic.thanks')}
      </p>
    );

  const send = (event: FormEvent) => {
    event.preventDefault();
    const given = sheet.fields.map(({ field }) => ({ field, value: values[field] ?? '' }));
    submit({ variables: { token, values: given } }).catch(() => undefined);
  };
  const badField = CombinedGraphQLErrors.is(error) ? error.errors[0]?.extensions?.field : undefined;

  return (
    <form onSubmit={send} noValidate>
      <p>{t('sheetPublic.intro')}</p>
      <p className="muted">
        {t('sheetPublic.expiresOn', { date: formatDateTime(sheet.expiresAt, language) })}
      </p>
      {sheet.fields.map((field, i) => {
        const inputId = `${id}-${field.field}`;
        const invalid = typeof badField === 'string' && badField.startsWith(`values[${i}]`);
        const change = (value: string) => setValues({ ...values, [field.field]: value });
        const options = sheetFieldOf(field.field)?.options;
        return (
          <div className="field" key={field.field}>
            <label htmlFor={inputId}>
              {fieldLabel(field.field)}
              {field.required && ` (${t('sheetPublic.required')})`}
            </label>
            {field.kind === SheetFieldKind.ENUM ? (
              <select id={inputId} value={values[field.field]} onChange={(e) => change(e.target.value)}>
                {field.options.map((option) => (
                  <option key={option} value={option}>
                    {options && Object.hasOwn(options, option) ? label<string>(options, option) : option}
                  </option>
                ))}
              </select>
            ) : (
              <input
                id={inputId}
                value={values[field.field]}
                maxLength={field.maxLength}
                aria-invalid={invalid || undefined}
                type={INPUT_TYPES[field.kind]}
                onChange={(e) => change(e.target.value)}
              />
            )}
          </div>
        );
      })}
      {error && <Refusal code={pageError(error)} />}
      <div className="form__actions">
        <button type="submit" className="button" disabled={loading}>
          {t(loading ? 'sheetPublic.submitting' : 'sheetPublic.submit')}
        </button>
      </div>
    </form>
  );
}
