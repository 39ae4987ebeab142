import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { API_PATHS } from '../paths';
import { territorySchema, type Territory } from '../schemas/territory';
import { recheckUntilLoaded } from './intervals';
import { selectWithIndex } from './select';

export const territoryKeys = { all: ['territory'] as const };

/**
 * The territory's shape changes with a new deployment, not while the page is open. Until it has
 * loaded once, it is asked for again every half minute, so a screen opened while the backend was
 * down recovers by itself when the backend returns.
 */
export const territoryQuery = () =>
  queryOptions({
    queryKey: territoryKeys.all,
    queryFn: ({ signal }) => apiRequest(API_PATHS.territory, territorySchema, { signal }),
    staleTime: Infinity,
    gcTime: Infinity,
    refetchInterval: recheckUntilLoaded,
  });

/** `select`: the territory with its municipalities by id (`byId`), for naming them. */
export const territoryWithMunicipalityIndex = selectWithIndex(
  (territory: Territory) => territory.municipalities,
);
