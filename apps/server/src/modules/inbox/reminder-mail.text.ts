import { type ReminderKind, reminderTexts } from '@dossier/domain';
import i18next from 'i18next';

type Params = Record<string, string | number>;

// The inbox page's own wording (packages/domain reminder-texts), read by the same i18next rules: params by
// name, the festival's name nested in. Plain text: nothing to escape.
const i18n = i18next.createInstance();
i18n.init({
  resources: {
    en: { translation: { inbox: reminderTexts.en } },
    'zh-CN': { translation: { inbox: reminderTexts['zh-CN'] } },
  },
  fallbackLng: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

function sentence(language: 'en' | 'zh-CN', kind: ReminderKind, params: Params): string {
  const t = i18n.getFixedT(language);
  return t(`inbox.text.${kind}`, { ...params, defaultValue: t('inbox.text.fallback') });
}

/**
 * The mail of one reminder: subject and plain text, Chinese first, then English, and where to act (the
 * app's public address when it is configured, else the path in the app).
 */
export function reminderMail(kind: ReminderKind, params: Params, link: string, publicUrl?: URL) {
  const zh = sentence('zh-CN', kind, params);
  const en = sentence('en', kind, params);
  const where = publicUrl ? new URL(link, publicUrl).href : link;
  return {
    subject: `【客户档案】${zh} / ${en}`,
    text: `${zh}\n${en}\n\n请在客户档案系统中处理 / Act on it in Dossier: ${where}\n`,
  };
}
