/**
 * The console's strings for one area (people, schedules, …), kept next to
 * that area's code: zh-CN is the reference, en must have exactly its keys.
 */
export interface CatalogSection<Key extends string> {
  'zh-CN': Readonly<Record<Key, string>>;
  en: Readonly<Record<Key, string>>;
}

export function catalogSection<const ZhCN extends Record<string, string>>(
  zhCN: ZhCN,
  en: { readonly [K in keyof ZhCN]: string },
): CatalogSection<Extract<keyof ZhCN, string>> {
  return { 'zh-CN': zhCN, en };
}

/** The keys of a section, for the union of every area's keys. */
export type SectionKey<S> = S extends CatalogSection<infer Key> ? Key : never;
