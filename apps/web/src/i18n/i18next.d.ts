import 'i18next';
import type { en } from './resources/en';

// Types `t()` from the English catalogue: an unknown key, or a message's `{{placeholder}}` left
// out of the call, is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    strictKeyChecks: true;
    strictInterpolationChecks: true;
  }
}
