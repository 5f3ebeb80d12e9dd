// The English catalogue is the source of keys: every other language must provide exactly these.
// `{name}` placeholders are checked by `useT()` at the call site.
export const en = {
  'app.name': 'Dossier',
  'app.tagline': 'Customer dossiers for B2B sales teams',
  'app.loading': 'Loading…',
  'app.retry': 'Try again',

  'language.label': 'Language',

  'header.signedInAs': 'Signed in as {name}',
  'header.signOut': 'Sign out',

  'login.title': 'Sign in to Dossier',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.wrongCredentials': 'Wrong email or password.',

  'home.greeting': 'Welcome, {name}',
  'home.role': 'Role: {role}',
  'home.title': 'Title: {title}',
  'home.placeholder': 'Your customer list will appear here.',

  'role.SALES_REP': 'Sales rep',
  'role.SALES_MANAGER': 'Sales manager',
  'role.ANALYST': 'Analyst',
  'role.ARCHIVIST': 'Archivist',
  'role.ADMIN': 'Administrator',

  'error.BAD_USER_INPUT': 'Some of the values you entered are not valid.',
  'error.UNAUTHENTICATED': 'Your session has ended. Please sign in again.',
  'error.FORBIDDEN': 'You are not allowed to do this.',
  'error.NOT_FOUND': 'The record no longer exists.',
  'error.VERSION_CONFLICT': 'Someone else changed this record. Reload it and try again.',
  'error.UNREACHABLE': 'The Dossier server cannot be reached. Check your connection and try again.',
  'error.UNKNOWN': 'Something went wrong. Please try again.',
} as const;

export type MessageKey = keyof typeof en;

/** The shape every translation must have: the same keys as `en`, any wording. */
export type Messages = { readonly [K in MessageKey]: string };
