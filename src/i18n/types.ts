export type Lang = 'zh' | 'en';
export type Params = Record<string, unknown>;
/** A message in both languages, side by side so they never drift apart. */
export interface Message {
  zh: string | ((p: Params) => string);
  en: string | ((p: Params) => string);
}
export type Catalog = Record<string, Message>;
