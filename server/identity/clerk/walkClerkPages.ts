import { ProviderRefusal } from '../../providers/callProvider.ts';

/** One page of a Clerk list: its rows and, where Clerk gave it, the total across pages. */
export interface ClerkPage<T> {
  data: readonly T[];
  totalCount?: number;
}

/**
 * Every row of an offset-paginated Clerk list (`limit`/`offset`), page after page, until a short
 * page or the total is reached. Refuses (`unsupported`) past `cap` rows rather than answer with part of the list.
 */
export async function walkClerkPages<T>(what: string, fetchPage: (offset: number, limit: number) => Promise<ClerkPage<T>>, pageSize: number, cap: number): Promise<T[]> {
  const rows: T[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await fetchPage(offset, pageSize);
    rows.push(...page.data);
    if (rows.length > cap) {
      throw new ProviderRefusal({ kind: 'unsupported', message: `Clerk holds more than ${cap} ${what}; the list would be incomplete, so look the person up by address instead.` });
    }
    const total = page.totalCount;
    if (page.data.length < pageSize || (typeof total === 'number' && offset + page.data.length >= total)) return rows;
  }
}
