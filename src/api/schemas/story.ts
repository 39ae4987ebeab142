import { z } from 'zod/mini';
import { lonLat, nonEmptyString, uniqueIds } from './common';

/**
 * Key figures a scene can show, each computed by the screen from the live API (the territory,
 * sites, sensors and readings, traffic forecasts, QKD links, KPIs), never written in the story.
 */
export const SCENE_FIGURES = [
  'municipalities',
  'population',
  'area',
  'peripheralMunicipalities',
  'sites',
  'leaseRevenue',
  'publicExpenditure',
  'populationCovered',
  'peripheralCoverage',
  'sensorsReporting',
  'airStationsReporting',
  'trafficSensorsReporting',
  'forecastHorizon',
  'forecastSkill',
  'corridorsForecast',
  'qkdLinksUp',
  'qkdAvailability',
  'timeToAcknowledge',
  'indicatorsOnTarget',
  'healthDevicesAvailable',
  'peripheralExams',
  'healthDataQkdProtected',
] as const;
export const sceneFigureSchema = z.enum(SCENE_FIGURES);
export type SceneFigure = z.infer<typeof sceneFigureSchema>;

/** One scene of a territory's presentation: what the screen shows and what the presenter says. */
export const sceneSchema = z.object({
  id: nonEmptyString,
  /** The view the scene opens (`overview`, `network`, …). */
  view: nonEmptyString,
  title: nonEmptyString,
  caption: z.string(),
  camera: z.object({ centre: lonLat, zoom: z.number().check(z.gte(0), z.lte(22)) }),
  /** The map's layers, by name (`sites`, `coverage`, `air`, `traffic`, `security`, `qkd`, `health`, `municipalities`). */
  layers: z.array(nonEmptyString),
  /** The map's time, in minutes from now: negative in the past, positive predicted. */
  timeOffsetMinutes: z.int().check(z.gte(-1440), z.lte(1440)),
  /** The key figures shown beside the caption, in order. */
  figures: z.array(sceneFigureSchema).check(z.maxLength(4)),
});
export type Scene = z.infer<typeof sceneSchema>;

export const storySchema = z.object({
  /** Whether the data the story is told with is synthetic, as the screen must then say. */
  synthetic: z.boolean(),
  scenes: uniqueIds(sceneSchema),
});
export type Story = z.infer<typeof storySchema>;
