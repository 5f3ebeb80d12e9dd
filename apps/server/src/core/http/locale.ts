import type { Context } from '../context.js';

/** zh-CN when the caller prefers any Chinese over English, else en. */
export function localeFrom(acceptLanguage: string | undefined): Context['locale'] {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter(({ tag, q }) => tag !== '' && q > 0)
    .sort((a, b) => b.q - a.q);
  const first = ranked.find(({ tag }) => tag.startsWith('zh') || tag.startsWith('en'));
  return first?.tag.startsWith('zh') ? 'zh-CN' : 'en';
}
