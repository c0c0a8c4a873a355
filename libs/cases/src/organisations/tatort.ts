import type { EntityManager } from 'typeorm';

/** A restricted urban area of the region's data (the rules' tätort) and the postal codes inside it. */
export interface UrbanArea {
  code: string;
  name: string;
  /** A postal code lies in the area when it starts with one of these (a full code is a five-digit prefix). */
  postalCodePrefixes?: string[];
}

export interface TatortPlacement {
  inTatort: boolean;
  /** The area the address lies in, or null. */
  area: string | null;
}

/** Where a postal code lies, by the region's urban areas. Pure: the areas come from the caller. */
export function placePostalCode(postalCode: string, areas: UrbanArea[]): TatortPlacement {
  const digits = postalCode.replace(/\D/g, '');
  const area = areas.find((a) => (a.postalCodePrefixes ?? []).some((p) => digits.startsWith(p)));
  return { inTatort: !!area, area: area?.name ?? null };
}

/** The region's urban areas, from its profile (region_setting 'region'). */
export async function urbanAreas(em: EntityManager): Promise<UrbanArea[]> {
  const [row]: { areas: UrbanArea[] | null }[] = await em.query(
    `SELECT value -> 'urbanAreas' AS areas FROM region_setting WHERE key = 'region'`,
  );
  return row?.areas ?? [];
}
