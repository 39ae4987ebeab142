import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { territorySchema } from '../schemas/territory';

export const territoryKeys = { all: ['territory'] as const };

/** The territory's shape changes with a new deployment, not while the page is open. */
export const territoryQuery = () =>
  queryOptions({
    queryKey: territoryKeys.all,
    queryFn: ({ signal }) => apiRequest('/territory', territorySchema, { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
