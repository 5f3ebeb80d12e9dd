import { en, type MessageKey, type Messages } from './en';
import type { Language } from './language';
import { zhCN } from './zh-CN';

const catalogues: Record<Language, Messages> = { en, 'zh-CN': zhCN };

/** The `{name}` placeholders of an English message, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

type ParamsOf<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<(typeof en)[K]>, string | number>];

/** Keys whose message takes no parameters, for props that pass a key through to `t`. */
export type PlainMessageKey = {
  [K in MessageKey]: [Placeholders<(typeof en)[K]>] extends [never] ? K : never;
}[MessageKey];

/** `t('home.greeting', { name })`: the params argument is required exactly when the message has placeholders. */
export type Translate = <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => string;

export function createTranslator(language: Language): Translate {
  const messages = catalogues[language];
  return (key, ...[params]) => {
    const template = messages[key];
    if (!params) return template;
    const values: Record<string, string | number> = params;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));
  };
}
