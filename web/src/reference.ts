// Reference lists fetched once and kept: petition categories, agencies, districts, communes.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api/client';
import type { AdminUnit, Agency, Category, Page } from './api/types';
import { lang } from './i18n';

const cache = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

/** Forgets a cached list (after the administrator changed it). */
export const forget = (...keys: string[]) => keys.forEach((k) => cache.delete(k));

export const PROVINCE = '06';
/** The register's units are those in force before the 2025 reform. */
export const UNITS_AS_OF = '2024-12-31';

export const categories = () => once('categories', () => api<Page<Category>>('/categories').then((p) => p.items));
export const agencies = () => once('agencies', () => api<Page<Agency>>('/agencies').then((p) => p.items));
export const districts = () =>
  once('districts', () => api<Page<AdminUnit>>('/admin-units', { query: { level: 'district', parent: PROVINCE, as_of: UNITS_AS_OF, per_page: 200 } }).then((p) => p.items));
export const communes = (district: string) =>
  once(`communes:${district}`, () => api<Page<AdminUnit>>('/admin-units', { query: { level: 'commune', parent: district, as_of: UNITS_AS_OF, per_page: 200 } }).then((p) => p.items));

/** A reference list as state: [] until loaded. */
export function useList<T>(load: () => Promise<T[]>, deps: unknown[] = []): T[] {
  const [v, set] = useState<T[]>([]);
  useEffect(() => {
    let live = true;
    load().then((x) => live && set(x), () => live && set([]));
    return () => {
      live = false;
    };
  }, deps);
  return v;
}

export function categoryName(list: Category[], code: string): string {
  const c = list.find((x) => x.code === code);
  if (!c) return code;
  return lang() === 'en' ? c.name_en : c.name_vi;
}

/** The province after the 2025 reform (Bắc Kạn merged into Thái Nguyên) and its communes. */
export const NEW_PROVINCE = '19';
export const NEW_UNITS_AS_OF = '2026-01-01';
export const newCommunes = () =>
  once('new-communes', () => api<Page<AdminUnit>>('/admin-units', { query: { level: 'commune', parent: NEW_PROVINCE, as_of: NEW_UNITS_AS_OF, per_page: 200 } }).then((p) => p.items));
