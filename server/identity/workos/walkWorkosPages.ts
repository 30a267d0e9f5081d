import { ProviderRefusal } from '../../providers/callProvider.ts';

/** One page of a WorkOS list as the SDK gives it (`AutoPaginatable`): rows and the `after` cursor. */
export interface WorkosPage<T> {
  data: readonly T[];
  listMetadata: { after?: string | null };
}

/**
 * Every row of a cursor-paginated WorkOS list, following `list_metadata.after` page by page (the
 * SDK's own auto-pagination sleeps 350 ms between pages and cannot be bounded). Refuses
 * (`unsupported`) past `cap` rows rather than answer with part of the list.
 */
export async function walkWorkosPages<T>(what: string, fetchPage: (after: string | undefined) => Promise<WorkosPage<T>>, cap: number): Promise<T[]> {
  const rows: T[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await fetchPage(after);
    rows.push(...page.data);
    if (rows.length > cap) {
      throw new ProviderRefusal({ kind: 'unsupported', message: `WorkOS holds more than ${cap} ${what}; the list would be incomplete, so look the person up by address instead.` });
    }
    const next = page.listMetadata.after;
    if (!next || page.data.length === 0) return rows;
    after = next;
  }
}
