import { HttpResponse } from 'msw';

/** A week of history at most: 2,016 points at the 5-minute step. */
const MAX_SERIES_HOURS = 168;

/** The hours of history a series request asks for (24 unless it says), or the 400 that refuses it. */
export function seriesHours(request: Request): number | Response {
  const asked = new URL(request.url).searchParams.get('hours');
  const hours = asked === null ? 24 : Number(asked);
  return Number.isInteger(hours) && hours >= 1 && hours <= MAX_SERIES_HOURS
    ? hours
    : HttpResponse.json(
        { error: `hours must be a whole number from 1 to ${MAX_SERIES_HOURS}` },
        { status: 400 },
      );
}
