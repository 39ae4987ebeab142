import type { EaqiBandShare } from '../api/schemas/kpis';

/** A station as the band count needs it. */
export interface PlacedStation {
  id: string;
  municipalityId: string;
}

/**
 * The residents each station stands for: its municipality's population, split evenly among the
 * municipality's stations. Stations in a municipality of unknown population stand for none.
 */
export function stationPopulations(
  stations: readonly PlacedStation[],
  populationOf: (municipalityId: string) => number | undefined,
): Map<string, number> {
  const perMunicipality = new Map<string, number>();
  for (const s of stations)
    perMunicipality.set(s.municipalityId, (perMunicipality.get(s.municipalityId) ?? 0) + 1);
  return new Map(
    stations.map((s) => [
      s.id,
      (populationOf(s.municipalityId) ?? 0) / perMunicipality.get(s.municipalityId)!,
    ]),
  );
}

export interface EaqiBandCount {
  /** Bands 1–6, good first, each with its stations and the residents they stand for. */
  bands: EaqiBandShare[];
  /** Stations without a current index, and the residents they stand for. */
  notReporting: { stations: number; population: number };
}

/** What the EEA's map shows of a moment: stations in each EAQI band and the population near them. */
export function eaqiBandCount(
  stations: readonly PlacedStation[],
  /** The station's current index (1–6), or null when it has none. */
  bandOf: (stationId: string) => number | null,
  populationOf: (municipalityId: string) => number | undefined,
): EaqiBandCount {
  const people = stationPopulations(stations, populationOf);
  const bands = ([1, 2, 3, 4, 5, 6] as const).map((band) => ({ band, stations: 0, population: 0 }));
  const notReporting = { stations: 0, population: 0 };
  for (const s of stations) {
    const band = bandOf(s.id);
    const into = (band !== null && bands[band - 1]) || notReporting;
    into.stations += 1;
    into.population += people.get(s.id)!;
  }
  for (const b of [...bands, notReporting]) b.population = Math.round(b.population);
  return { bands, notReporting };
}
