// The province as it is named today (GET /api/v1/province: Thái Nguyên after the 2025 reform for
// the demo), fetched once and shared by the header, the footer, the home page and the title.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api/client';

type Province = { name: string };
let loaded: Promise<string> | null = null;
let known = '';

function load(): Promise<string> {
  loaded ??= api<Province>('/province').then(
    (p) => (known = p.name),
    () => '',
  );
  return loaded;
}

/** Today's name of the province; "" until known, or when the province has none yet. */
export function useProvinceName(): string {
  const [name, setName] = useState(known);
  useEffect(() => {
    let live = true;
    load().then((n) => live && setName(n));
    return () => {
      live = false;
    };
  }, []);
  return name;
}

/** The province's name for code that is not a component (the document title). */
export const provinceName = () => known;
