import type { LayerSpecification } from 'maplibre-gl';

/** Properties that are sizes in pixels. */
export const SIZE_PROPERTIES = [
  'text-size',
  'text-halo-width',
  'circle-radius',
  'circle-stroke-width',
  'line-width',
];

/** Multiplies a size; zoom curves must stay top-level, so their stops are scaled instead. */
export function scaled(value: unknown, scale: number): unknown {
  if (scale === 1) return value;
  if (typeof value === 'number') return value * scale;
  if (!Array.isArray(value)) return value;
  if (value[0] === 'interpolate' && Array.isArray(value[2]) && value[2][0] === 'zoom') {
    return value.map((part, i) => (i >= 4 && i % 2 === 0 ? scaled(part, scale) : part));
  }
  return ['*', scale, value];
}

export function scaleLayers(layers: LayerSpecification[], scale: number): LayerSpecification[] {
  if (scale === 1) return layers;
  const scaleProps = (props: Record<string, unknown> | undefined) =>
    props &&
    Object.fromEntries(
      Object.entries(props).map(([k, v]) => [k, SIZE_PROPERTIES.includes(k) ? scaled(v, scale) : v]),
    );
  return layers.map((layer) => {
    const { paint, layout } = layer as { paint?: Record<string, unknown>; layout?: Record<string, unknown> };
    return {
      ...layer,
      ...(paint && { paint: scaleProps(paint) }),
      ...(layout && { layout: scaleProps(layout) }),
    } as LayerSpecification;
  });
}
