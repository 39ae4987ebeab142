/** A response as it came, with the entries of one of its lists also kept by id. */
export type WithIndex<D, T> = D & { byId: ReadonlyMap<string, T> };

/**
 * Makes a `select` that keeps a response as it is and adds the list `listOf` picks from it as a
 * Map by id, so a view, a cell or a sort looks an entry up in O(1) instead of searching the list.
 * Make each one once, at module level: Query runs a `select` again only when the data or the
 * function changes, and keeps its result otherwise.
 */
export const selectWithIndex =
  <D, T extends { id: string }>(listOf: (data: D) => readonly T[]) =>
  (data: D): WithIndex<D, T> => ({ ...data, byId: new Map(listOf(data).map((entry) => [entry.id, entry])) });
