import { queryOptions } from '@tanstack/react-query';
import { apiRequest } from '../client';
import { API_PATHS } from '../paths';
import { storySchema } from '../schemas/story';
import { recheckUntilLoaded } from './intervals';
import { territoryKeys } from './territory';

/**
 * The territory's presentation, in the screen's language; it changes with a deployment only, and
 * is asked for again until it has loaded.
 */
export const storyQuery = (lang: string) =>
  queryOptions({
    queryKey: [...territoryKeys.all, 'story', { lang }] as const,
    queryFn: ({ signal }) => apiRequest(API_PATHS.story, storySchema, { signal, query: { lang } }),
    staleTime: Infinity,
    refetchInterval: recheckUntilLoaded,
  });
